package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijukirwa.ingest.ExportFiles.row;

/** The shipped forms (classpath forms/, from a folder or a jar) and how an export finds its form without a mapping. */
class FormLibraryTest
{
    @TempDir
    Path folder;

    @Test
    void xlsFormGivesNamesGroupsTypesAndChoiceLabels()
    {
        XlsForm form = XlsForm.read(FieldExportIngestTest.writeCoachingForm(folder.resolve("coaching.xlsx")));
        assertThat(form.formId()).isEqualTo("coaching_visit");
        assertThat(form.formTitle()).isEqualTo("Coaching visit");
        XlsForm.Field visitedOn = form.field("grp/visited_on").orElseThrow();
        assertThat(visitedOn.name()).isEqualTo("visited_on");
        assertThat(visitedOn.groups()).containsExactly("grp");
        assertThat(form.field("grp-visited_on")).contains(visitedOn);
        assertThat(form.field("Itariki")).contains(visitedOn);
        assertThat(form.field("DATE OF VISIT")).contains(visitedOn);
        XlsForm.Field topics = form.field("topics").orElseThrow();
        assertThat(topics.isSelectMultiple()).isTrue();
        assertThat(form.choicesOf(topics)).extracting(XlsForm.Choice::name).containsExactly("governance", "financial_management", "osh");
        assertThat(form.choicesOf(topics).get(1).labels()).containsExactly("Financial management", "Imicungire y'imari");
        assertThat(form.field("_uuid")).isEmpty();
        assertThat(FieldExportPlanner.datasetOf(form)).contains(RecordSet.COACHING);
    }

    @Test
    void shippedFormsAreFoundInAFolderAndInAJar()
            throws IOException
    {
        Path classes = folder.resolve("classes");
        FieldExportIngestTest.writeCoachingForm(classes.resolve("forms/coaching_visit.xlsx"));
        Path jar = folder.resolve("forms.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("forms/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("forms/coaching_visit.xlsx"));
            Files.copy(classes.resolve("forms/coaching_visit.xlsx"), out);
            out.closeEntry();
        }
        for (URL url : List.of(classes.toUri().toURL(), jar.toUri().toURL())) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {url}, null)) {
                assertThat(FormLibrary.load(List.of(), loader).forms()).extracting(XlsForm::formId).containsExactly("coaching_visit");
            }
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(FormLibrary.load(List.of(), empty).forms()).isEmpty();
        }
    }

    @Test
    void odkZipFindsItsShippedFormByFormIdWithoutAMapping()
            throws IOException
    {
        FormLibrary forms = new FormLibrary(List.of(XlsForm.read(FieldExportIngestTest.writeCoachingForm(folder.resolve("form.xlsx")))));
        // No dataset in the path: the zip's <form_id>.csv names the form, the form names the dataset.
        Path zip = ExportFiles.zip(folder.resolve("input/2020-04/download.zip"), Map.of("coaching_visit.csv",
                "SubmissionDate,visit_id,grp-cooperative_id,grp-visited_on,topics,maturity_score,meta-instanceID,KEY,ReviewState\n"
                        + "2020-04-01T10:00:00.000Z,V-1,COOP-GAS-0001,2020-04-01,governance osh,60,uuid:k1,uuid:k1,\n"
                        + "2020-04-02T10:00:00.000Z,,COOP-GAS-0001,2020-04-02,,,uuid:k2,uuid:k2,rejected\n"));
        FieldExportPlanner.Planned planned = new FieldExportPlanner(ColumnMapping.none(), forms).plan(zip, "2020-04/download.zip", ExportContainer.ZIP, "abc");
        assertThat(planned.ignoredFiles()).isEmpty();
        assertThat(planned.dataFiles()).hasSize(1);
        InputFile file = planned.dataFiles().get(0);
        assertThat(file.recordSet()).isEqualTo(RecordSet.COACHING);
        assertThat(file.relativePath()).isEqualTo("2020-04/download.zip!coaching_visit.csv");
        assertThat(file.contentSha256()).isEqualTo("abc!coaching_visit.csv");
        assertThat(file.fieldExport().columns()).containsOnly(Map.entry("visit_id", "visit_id"), Map.entry("grp-cooperative_id", "cooperative_id"),
                Map.entry("grp-visited_on", "visited_on"), Map.entry("topics", "topics"), Map.entry("maturity_score", "maturity_score"),
                Map.entry("submissiondate", "updated_at"));
        assertThat(file.fieldExport().ignoredColumns()).containsExactly("meta-instanceID", "KEY", "ReviewState");

        List<Row> rows = new ArrayList<>();
        try (FieldExportRows reader = new FieldExportRows(file)) {
            reader.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(2);
        int values = FieldRecordReader.VALUES_OFFSET;
        List<String> columns = RecordSet.COACHING.sourceColumns();
        assertThat(rows.get(0).getString(values + columns.indexOf("topics"))).isEqualTo("governance osh");
        assertThat(rows.get(0).getString(values + columns.indexOf("updated_at"))).isEqualTo("2020-04-01T10:00:00.000Z");
        assertThat(rows.get(0).getBoolean(4)).isFalse();
        assertThat(rows.get(1).getBoolean(4)).isTrue();
        assertThat(rows.get(1).getString(values + columns.indexOf("visit_id"))).isNull();
    }

    @Test
    void koboXlsxWithLabelHeadersFindsItsFormByColumns()
            throws IOException
    {
        FormLibrary forms = new FormLibrary(List.of(XlsForm.read(FieldExportIngestTest.writeCoachingForm(folder.resolve("form.xlsx")))));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Ikindi", List.of(
                row("Visit code", "Group/Cooperative", "Group/Date of visit", "Topics", "Topics/Governance", "Topics/Occupational safety and health",
                        "_uuid", "_submission_time"),
                row("V-1", "COOP-GAS-0001", "2020-04-01", null, 1.0, 1.0, "k1", "2020-04-01T10:00:00")));
        Path xlsx = ExportFiles.xlsx(folder.resolve("input/export.xlsx"), sheets);
        FieldExportPlanner.Planned planned = new FieldExportPlanner(ColumnMapping.none(), forms).plan(xlsx, "export.xlsx", ExportContainer.XLSX, "abc");
        InputFile file = planned.dataFiles().get(0);
        assertThat(file.recordSet()).isEqualTo(RecordSet.COACHING);
        assertThat(file.fieldExport().choiceFlags()).containsOnly(Map.entry("topics",
                Map.of("topics/governance", "governance", "topics/occupational safety and health", "osh")));
        List<Row> rows = new ArrayList<>();
        try (FieldExportRows reader = new FieldExportRows(file)) {
            reader.forEachRemaining(rows::add);
        }
        List<String> columns = RecordSet.COACHING.sourceColumns();
        Row row = rows.get(0);
        assertThat(row.getString(FieldRecordReader.VALUES_OFFSET + columns.indexOf("topics"))).isEqualTo("governance osh");
        assertThat(row.getString(FieldRecordReader.VALUES_OFFSET + columns.indexOf("visit_id"))).isEqualTo("V-1");
        assertThat(row.getString(FieldRecordReader.VALUES_OFFSET + columns.indexOf("cooperative_id"))).isEqualTo("COOP-GAS-0001");
        assertThat(row.getString(FieldRecordReader.VALUES_OFFSET + columns.indexOf("updated_at"))).isEqualTo("2020-04-01T10:00:00Z");
    }

    @Test
    void optionColumnsOfASelectMultipleCountAsNamedByTheForm()
    {
        FormLibrary forms = new FormLibrary(List.of(XlsForm.read(FieldExportIngestTest.writeCoachingForm(folder.resolve("form.xlsx")))));
        // Two questions and three option columns: only two of five columns are questions the form names by label.
        List<String> header = List.of("Itsinda/Koperative", "Ingingo", "Ingingo/Imiyoborere", "Ingingo/Imicungire y'imari", "Ingingo/Umutekano ku kazi",
                "_uuid", "_submission_time");
        assertThat(forms.match("kobo/export.csv", List.of(""), Map.of("", header))).map(XlsForm::formId).contains("coaching_visit");
        assertThat(forms.match("kobo/export.csv", List.of(""), Map.of("", List.of("Itsinda/Koperative", "other", "another", "_uuid")))).isEmpty();
    }
}
