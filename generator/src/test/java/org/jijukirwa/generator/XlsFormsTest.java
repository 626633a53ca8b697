package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The forms/ folder holds valid XLSForms of the four record sets, as FormsMain writes them, matching the reference lists and the contract. */
class XlsFormsTest
{
    private static final Path FORMS = Path.of("../forms");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "cooperatives", List.of("cooperative_id", "district", "value_chain", "formed_on"),
            "members", List.of("member_id", "cooperative_id", "joined_on"),
            "trainings", List.of("session_id", "held_on", "district", "topic", "cooperative_id"),
            "coaching", List.of("visit_id", "cooperative_id", "visited_on"));
    private static final LocalDate TODAY = LocalDate.of(2020, 12, 31);

    @TempDir
    Path folder;

    @Test
    void formsFolderIsWhatFormsMainWrites()
            throws IOException
    {
        FormsMain.write(folder);

        assertThat(xlsxFiles(FORMS)).containsExactly("coaching.xlsx", "cooperatives.xlsx", "members.xlsx", "trainings.xlsx");
        for (String name : xlsxFiles(folder)) {
            assertThat(Files.readAllBytes(FORMS.resolve(name))).as(name).isEqualTo(Files.readAllBytes(folder.resolve(name)));
        }
    }

    @Test
    void everyFormOpensWithoutProblems()
            throws IOException
    {
        for (String name : xlsxFiles(FORMS)) {
            XlsFormChecker.Form form = XlsFormChecker.read(Files.readAllBytes(FORMS.resolve(name)));

            assertThat(form.problems()).as(name).isEmpty();
            assertThat(form.settings()).as(name).containsEntry("form_id", "jijukirwa_" + name.replace(".xlsx", "")).containsKey("version");
        }
    }

    @Test
    void fieldNamesAreTheContractsColumnsAndItsRequiredColumnsAreRequired()
            throws IOException
    {
        for (String dataset : ContractChecker.DATASETS) {
            XlsFormChecker.Form form = XlsFormChecker.read(Files.readAllBytes(FORMS.resolve(dataset + ".xlsx")));
            List<String> fields = form.fields().stream().map(row -> row.get("name")).toList();
            List<String> required = form.fields().stream().filter(row -> row.get("required").equals("yes")).map(row -> row.get("name")).toList();

            List<String> expected = new ArrayList<>(ContractChecker.COLUMNS.get(dataset));
            expected.remove("updated_at");
            assertThat(fields).as(dataset).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(required).as(dataset).containsExactlyInAnyOrderElementsOf(REQUIRED.get(dataset));
        }
    }

    @Test
    void choiceListsAreTheReferenceLists()
            throws IOException
    {
        Map<String, String> districts = reference("districts.csv", 0, 1);
        Map<String, String> valueChains = reference("value_chains.csv", 0, 1);
        Map<String, String> topics = reference("topics.csv", 0, 1);

        Map<String, Map<String, String>> cooperatives = read("cooperatives").choiceLists();
        assertThat(cooperatives.get("district")).containsExactlyEntriesOf(districts);
        assertThat(cooperatives.get("value_chain")).containsExactlyEntriesOf(valueChains);
        Map<String, Map<String, String>> trainings = read("trainings").choiceLists();
        assertThat(trainings.get("district")).containsExactlyEntriesOf(districts);
        assertThat(trainings.get("topic")).containsExactlyEntriesOf(topics);
        assertThat(read("coaching").choiceLists().get("topic")).containsExactlyEntriesOf(topics);
        assertThat(read("members").choiceLists().get("sex")).containsOnlyKeys("F", "M");
    }

    @Test
    void selectsAreTheContractsKinds()
            throws IOException
    {
        assertThat(type("cooperatives", "district")).isEqualTo("select_one district");
        assertThat(type("cooperatives", "value_chain")).isEqualTo("select_one value_chain");
        assertThat(type("members", "sex")).isEqualTo("select_one sex");
        assertThat(type("trainings", "topic")).isEqualTo("select_one topic");
        assertThat(type("coaching", "topics")).isEqualTo("select_multiple topic");
        List<String> trainingTypes = read("trainings").survey().stream().map(row -> row.get("type") + " " + row.get("name")).toList();
        assertThat(trainingTypes).containsSubsequence("begin_repeat attendee", "text cooperative_id", "text member_id", "end_repeat attendee");
    }

    @Test
    void constraintsMirrorTheContractsRules()
            throws IOException
    {
        assertThat(accepts("cooperatives", "formed_on", "2020-12-31", Map.of())).isTrue();
        assertThat(accepts("cooperatives", "formed_on", "2021-01-01", Map.of())).isFalse();
        assertThat(accepts("cooperatives", "registered_on", "2019-05-01", Map.of("formed_on", "2019-05-02"))).isFalse();
        assertThat(accepts("cooperatives", "registered_on", "2019-05-02", Map.of("formed_on", "2019-05-02"))).isTrue();
        assertThat(accepts("cooperatives", "applied_on", "2019-05-01", Map.of("formed_on", "2019-05-02"))).isFalse();
        assertThat(accepts("cooperatives", "cooperative_id", "COOP-GAS-0001", Map.of())).isTrue();
        assertThat(accepts("cooperatives", "cooperative_id", "coop gas 1", Map.of())).isFalse();

        Map<String, String> joined2020 = Map.of("joined_on", "2020-06-01");
        assertThat(accepts("members", "birth_year", "1919", joined2020)).isFalse();
        assertThat(accepts("members", "birth_year", "1920", joined2020)).isTrue();
        assertThat(accepts("members", "birth_year", "2004", joined2020)).isTrue();
        assertThat(accepts("members", "birth_year", "2005", joined2020)).isFalse();
        assertThat(accepts("members", "left_on", "2020-05-31", joined2020)).isFalse();
        assertThat(accepts("members", "left_on", "2020-06-01", joined2020)).isTrue();
        assertThat(accepts("members", "national_id", "1199070012345678", Map.of())).isTrue();
        assertThat(accepts("members", "national_id", "119907001234567", Map.of())).isFalse();

        assertThat(accepts("trainings", "held_on", "2021-01-01", Map.of())).isFalse();
        assertThat(accepts("coaching", "maturity_score", "100", Map.of())).isTrue();
        assertThat(accepts("coaching", "maturity_score", "101", Map.of())).isFalse();
        assertThat(accepts("coaching", "maturity_score", "-1", Map.of())).isFalse();
        assertThat(accepts("coaching", "follow_up_due", "2020-03-01", Map.of("visited_on", "2020-03-02"))).isFalse();

        XPathSubset.Expression relevant = XPathSubset.parse(field("cooperatives", "registered_on").get("relevant"));
        assertThat(XPathSubset.isTrue(relevant.evaluate("", Map.of("applied_on", "")::get, TODAY))).isFalse();
        assertThat(XPathSubset.isTrue(relevant.evaluate("", Map.of("applied_on", "2019-01-01")::get, TODAY))).isTrue();
    }

    @Test
    void aRemovedChoiceListIsReported()
            throws IOException
    {
        XlsForms.XlsForm form = XlsForms.COOPERATIVES;
        XlsForms.XlsForm broken = new XlsForms.XlsForm(form.fileName(), form.dataset(), form.formId(), form.title(), form.survey(),
                form.choices().stream().filter(choice -> !choice.listName().equals("value_chain")).toList());

        assertThat(XlsFormChecker.read(FormsMain.workbook(broken).bytes()).problems())
                .containsExactly("value_chain: list value_chain is not in the choices sheet");
    }

    @Test
    void aMissingLabelADuplicateChoiceAnUnknownFunctionAndAnOpenGroupAreReported()
            throws IOException
    {
        XlsForms.XlsForm form = XlsForms.MEMBERS;
        List<XlsForms.Question> survey = new ArrayList<>(form.survey());
        XlsForms.Question sex = form.field("sex");
        survey.set(survey.indexOf(sex), new XlsForms.Question(sex.type(), sex.name(), new XlsForms.Labels("Sex", "Sexe", ""), false, null,
                "years(.) > 2", null, null, null));
        survey.remove(survey.size() - 1);
        List<XlsForms.Choice> choices = new ArrayList<>(form.choices());
        choices.add(choices.get(0));
        XlsForms.XlsForm broken = new XlsForms.XlsForm(form.fileName(), form.dataset(), form.formId(), form.title(), survey, choices);

        assertThat(XlsFormChecker.read(FormsMain.workbook(broken).bytes()).problems()).containsExactlyInAnyOrder(
                "choice F twice in list sex",
                "sex has no Kinyarwanda (rw) label",
                "not closed: grp_membership",
                "sex constraint: unknown function or name 'years' in: years(.) > 2");
    }

    @Test
    void aWorkbookWithoutAChoicesSheetIsReported()
            throws IOException
    {
        byte[] bytes = new XlsxWorkbook().sheet("survey", XlsxWorkbook.textRows(List.of(List.of("type", "name"), List.of("text", "x"))))
                .bytes();

        assertThat(XlsFormChecker.read(bytes).problems()).contains("no choices sheet", "no settings sheet", "survey sheet has no column label::English (en)");
    }

    private static boolean accepts(String dataset, String fieldName, String value, Map<String, String> others)
            throws IOException
    {
        XPathSubset.Expression constraint = XPathSubset.parse(field(dataset, fieldName).get("constraint"));
        return XPathSubset.isTrue(constraint.evaluate(value, others::get, TODAY));
    }

    private static Map<String, String> field(String dataset, String name)
            throws IOException
    {
        return read(dataset).survey().stream().filter(row -> row.get("name").equals(name)).findFirst().orElseThrow();
    }

    private static String type(String dataset, String name)
            throws IOException
    {
        return field(dataset, name).get("type");
    }

    private static XlsFormChecker.Form read(String dataset)
            throws IOException
    {
        return XlsFormChecker.read(Files.readAllBytes(FORMS.resolve(dataset + ".xlsx")));
    }

    private static Map<String, String> reference(String file, int keyColumn, int labelColumn)
            throws IOException
    {
        Map<String, String> entries = new LinkedHashMap<>();
        for (CsvTestReader.Record record : CsvTestReader.read(GeneratedDataSet.REFERENCE.resolve(file)).records()) {
            entries.put(record.fields().get(keyColumn), record.fields().get(labelColumn));
        }
        return entries;
    }

    private static List<String> xlsxFiles(Path root)
            throws IOException
    {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".xlsx")).sorted().toList();
        }
    }
}
