package org.jijukirwa.generator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled field exports (data-samples/field-exports/, which DataSamplesTest keeps equal to what the generator
 * writes), read back independently: every file opens as its tool's format, holds what the manifest says (rows,
 * accepted, quarantined by reason), obeys the forms' constraints and the contract, and stays out of the way of an
 * ingest run without the mapping file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FieldExportsTest
{
    private static final Path DATA_SAMPLES = Path.of("../data-samples");
    private static final Path FORMS = Path.of("../forms");
    private static final LocalDate AS_OF = LocalDate.of(2020, 12, 31);

    private Map<String, Object> section;
    private Map<String, Object> files;
    private final Map<String, FieldExportTestReader.Export> exports = new LinkedHashMap<>();

    @TempDir
    Path folder;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void readTheManifestAndEveryExport()
            throws IOException
    {
        Map<String, Object> manifest = (Map<String, Object>) JsonTestReader.parse(Files.readString(DATA_SAMPLES.resolve("MANIFEST.json")));
        section = (Map<String, Object>) manifest.get("field_exports");
        files = (Map<String, Object>) section.get("files");
        for (String path : files.keySet()) {
            String dataset = (String) entry(path).get("dataset");
            exports.put(path, FieldExportTestReader.read(DATA_SAMPLES.resolve(path), dataset, form(dataset)));
        }
    }

    @Test
    void theManifestListsEveryFileOfTheFolderAndEveryKindOfExport()
            throws IOException
    {
        List<String> written;
        try (Stream<Path> paths = Files.walk(DATA_SAMPLES.resolve("field-exports"))) {
            written = paths.filter(Files::isRegularFile).map(path -> DATA_SAMPLES.relativize(path).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> expected = new ArrayList<>(files.keySet());
        expected.add("field-exports/mapping.json");

        assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(files.keySet()).contains("field-exports/kobo/jijukirwa_cooperatives.xlsx", "field-exports/kobo/jijukirwa_members-labels-rw.csv",
                "field-exports/kobo/jijukirwa_members-dataframe.xlsx", "field-exports/kobo/jijukirwa_trainings.xlsx",
                "field-exports/kobo/jijukirwa_coaching-labels-fr.csv", "field-exports/kobo-legacy/jijukirwa_trainings.csv",
                "field-exports/kobo-legacy/jijukirwa_coaching.csv", "field-exports/odk/jijukirwa_coaching.zip", "field-exports/odk/jijukirwa_trainings.zip");
        for (String path : files.keySet()) {
            assertThat(number(entry(path), "bytes")).as(path).isEqualTo(Files.size(DATA_SAMPLES.resolve(path)));
        }
        assertThat(entry("field-exports/kobo/jijukirwa_trainings.xlsx")).containsEntry("rows_table", "attendee");
        assertThat(entry("field-exports/kobo/jijukirwa_cooperatives.xlsx")).containsEntry("rows_table", "Cooperative registration");
        assertThat(entry("field-exports/odk/jijukirwa_trainings.zip")).containsEntry("rows_table", "jijukirwa_trainings-attendee.csv");
        assertThat(entry("field-exports/odk/jijukirwa_coaching.zip")).containsEntry("rows_table", "jijukirwa_coaching.csv");
        assertThat(entry("field-exports/kobo-legacy/jijukirwa_trainings.csv")).doesNotContainKey("rows_table");
    }

    @Test
    void eachFileHoldsTheRowsAcceptedAndQuarantinedRowsTheManifestSays()
            throws IOException
    {
        Map<String, Long> rejectedCounts = new TreeMap<>();
        Path contractFolder = folder.resolve("as-contract");
        for (String dataset : ContractChecker.DATASETS) {
            Files.createDirectories(contractFolder.resolve(dataset));
        }
        int fileNumber = 0;
        Map<String, String> contractFileOf = new LinkedHashMap<>();
        for (Map.Entry<String, FieldExportTestReader.Export> export : exports.entrySet()) {
            String dataset = (String) entry(export.getKey()).get("dataset");
            List<FieldExportTestReader.Record> kept = new ArrayList<>();
            long rejected = 0;
            for (FieldExportTestReader.Record record : export.getValue().records()) {
                if (record.rejected()) {
                    rejected++;
                }
                else {
                    kept.add(record);
                }
            }
            rejectedCounts.put(export.getKey(), rejected);
            assertThat((long) export.getValue().records().size()).as(export.getKey() + " rows").isEqualTo(number(entry(export.getKey()), "rows"));
            // Cooperatives first: the checker takes a dataset's files in name order and needs the cooperatives before the rest.
            String name = String.format(Locale.ROOT, "%02d-%s.csv", dataset.equals("cooperatives") ? 0 : ++fileNumber, dataset);
            contractFileOf.put(dataset + "/" + name, export.getKey());
            writeContractCsv(contractFolder.resolve(dataset).resolve(name), dataset, kept);
        }

        ContractChecker.Report report = new ContractChecker(GeneratedDataSet.REFERENCE, AS_OF).check(contractFolder);
        Map<String, Map<String, Long>> reasonsByFile = new TreeMap<>();
        Map<String, Set<String>> validKeys = new TreeMap<>();
        for (ContractChecker.Row row : report.rows()) {
            String file = contractFileOf.get(row.file());
            assertThat(row.reasons()).as(file + " " + row.values()).hasSizeLessThanOrEqualTo(1);
            row.reasons().forEach(reason -> reasonsByFile.computeIfAbsent(file, key -> new TreeMap<>()).merge(reason, 1L, Long::sum));
            if (row.isValid()) {
                validKeys.computeIfAbsent(row.dataset(), key -> new HashSet<>()).add(key(row));
            }
        }
        for (String path : files.keySet()) {
            Map<String, Long> expected = new TreeMap<>();
            reasons(entry(path)).forEach((reason, count) -> expected.put(reason, count));
            Map<String, Long> found = new TreeMap<>(reasonsByFile.getOrDefault(path, Map.of()));
            if (rejectedCounts.get(path) > 0) {
                found.put(FieldSubmission.Review.REJECTED_REASON, rejectedCounts.get(path));
            }
            assertThat(found).as(path + " quarantined by reason").isEqualTo(expected);
            long bad = expected.values().stream().mapToLong(Long::longValue).sum();
            assertThat(number(entry(path), "valid_rows")).as(path).isEqualTo(number(entry(path), "rows") - bad);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> datasets = (Map<String, Object>) section.get("datasets");
        for (String dataset : ContractChecker.DATASETS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> totals = (Map<String, Object>) datasets.get(dataset);
            assertThat(number(totals, "current_keys")).as(dataset).isEqualTo(validKeys.get(dataset).size());
            long rows = files.keySet().stream().filter(path -> entry(path).get("dataset").equals(dataset)).mapToLong(path -> number(entry(path), "rows")).sum();
            assertThat(number(totals, "rows")).as(dataset).isEqualTo(rows);
        }
        assertThat(number(datasetTotals("cooperatives"), "current_keys")).isEqualTo(18);
        assertThat(rejectedCounts.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void everyAnswerObeysItsFormsConstraintsAndRequiredFields()
            throws IOException
    {
        for (Map.Entry<String, FieldExportTestReader.Export> export : exports.entrySet()) {
            XlsFormChecker.Form form = form((String) entry(export.getKey()).get("dataset"));
            for (FieldExportTestReader.Record record : export.getValue().records()) {
                for (Map<String, String> question : form.fields()) {
                    String value = record.values().getOrDefault(question.get("name"), "");
                    if (question.get("required").equals("yes")) {
                        assertThat(value).as(export.getKey() + " " + question.get("name")).isNotEmpty();
                    }
                    if (!value.isEmpty() && !question.get("constraint").isEmpty()) {
                        boolean accepted = XPathSubset.isTrue(XPathSubset.parse(question.get("constraint"))
                                .evaluate(value, name -> record.values().get(name), AS_OF));
                        assertThat(accepted).as(export.getKey() + " " + question.get("name") + " = " + value).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void koboFilesAreWrittenAsKoboWritesThem()
            throws IOException
    {
        String labels = Files.readString(DATA_SAMPLES.resolve("field-exports/kobo/jijukirwa_members-labels-rw.csv"), StandardCharsets.UTF_8);
        List<String> lines = List.of(labels.split("\r\n"));
        assertThat(labels).endsWith("\r\n").doesNotContain(";\n");
        assertThat(lines.get(0)).startsWith("\"start\";\"end\";\"Nomero iranga umunyamuryango\";\"Nomero iranga koperative\";")
                .contains("\"_submission_time\";\"_validation_status\"");
        assertThat(lines.get(1)).contains("\"#org+id\"", "\"#indicator+sex\"");
        assertThat(lines.subList(2, lines.size())).allMatch(line -> line.startsWith("\"") && line.endsWith("\""));
        assertThat(labels).contains("\"Gore\"", "\"Gabo\"", "\"Approved\"", "\"Not Approved\"");

        FieldExportTestReader.Export coaching = exports.get("field-exports/kobo/jijukirwa_coaching-labels-fr.csv");
        assertThat(coaching.header()).contains("Visite d'accompagnement/Identifiant de la coopérative", "Évaluation/Thèmes abordés",
                "Évaluation/Thèmes abordés/Santé et sécurité au travail", "_uuid", "_index");
        assertThat(coaching.records()).allMatch(record -> record.values().get("_submission_time").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"));
        assertThat(coaching.records().stream().map(record -> record.values().get("_validation_status")))
                .contains("Approved", "Not Approved", "On Hold", "");
        String coachingText = Files.readString(DATA_SAMPLES.resolve("field-exports/kobo/jijukirwa_coaching-labels-fr.csv"), StandardCharsets.UTF_8);
        assertThat(coachingText).containsPattern("\";\"[^\";]+ [^\";]+ [^\";]+\";\"[01]\";\"[01]\";");

        try (Workbook workbook = workbook("field-exports/kobo/jijukirwa_trainings.xlsx")) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(header(workbook.getSheetAt(0))).contains("session_id", "held_on", "_submission_time", "_index").doesNotContain("grp_session/session_id");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("attendee");
            assertThat(header(workbook.getSheetAt(1))).containsSubsequence("cooperative_id", "member_id", "attendee_role", "_index",
                    "_parent_table_name", "_parent_index", "_submission__uuid");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(4).getStringCellValue()).isEqualTo(workbook.getSheetAt(0).getSheetName());
        }
        try (Workbook workbook = workbook("field-exports/kobo/jijukirwa_cooperatives.xlsx")) {
            assertThat(header(workbook.getSheetAt(0))).contains("grp_coop/cooperative_id", "grp_formalisation/formed_on", "_validation_status");
            for (Cell cell : workbook.getSheetAt(0).getRow(1)) {
                assertThat(cell.getCellType()).as("xlsxwriter writes every value as text").isEqualTo(CellType.STRING);
            }
        }
    }

    @Test
    void theDataframeCopyHasFloatsDateCellsAndAnUnnamedIndex()
            throws IOException
    {
        try (Workbook workbook = workbook("field-exports/kobo/jijukirwa_members-dataframe.xlsx")) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = header(sheet);
            assertThat(header.get(0)).isEmpty();
            int birthYear = header.indexOf("grp_membership/birth_year");
            int joinedOn = header.indexOf("grp_membership/joined_on");
            int submitted = header.indexOf("_submission_time");
            boolean floatSeen = false;
            for (int rowIndex = 1; rowIndex <= sheet.getLastRowNum(); rowIndex++) {
                assertThat(sheet.getRow(rowIndex).getCell(0).getNumericCellValue()).isEqualTo(rowIndex - 1);
                Cell year = sheet.getRow(rowIndex).getCell(birthYear);
                if (year != null) {
                    assertThat(year.getCellType()).isEqualTo(CellType.NUMERIC);
                    floatSeen = true;
                }
                assertThat(DateUtil.isCellDateFormatted(sheet.getRow(rowIndex).getCell(joinedOn))).isTrue();
                assertThat(DateUtil.isCellDateFormatted(sheet.getRow(rowIndex).getCell(submitted))).isTrue();
            }
            assertThat(floatSeen).isTrue();
        }
        String sheetXml = zipEntry(DATA_SAMPLES.resolve("field-exports/kobo/jijukirwa_members-dataframe.xlsx"), "xl/worksheets/sheet1.xml");
        assertThat(sheetXml).containsPattern("<v>19\\d\\d\\.0</v>");
    }

    @Test
    void legacyKobocatFilesHaveNaBlanksTrueFalseOptionsAndFlattenedRepeats()
            throws IOException
    {
        CsvTestReader.Table trainings = CsvTestReader.read(DATA_SAMPLES.resolve("field-exports/kobo-legacy/jijukirwa_trainings.csv"));
        assertThat(trainings.separator()).isEqualTo(',');
        assertThat(trainings.header()).contains("grp_session/session_id", "attendee[1]/cooperative_id", "attendee[2]/member_id", "meta/instanceID");
        assertThat(trainings.records()).allMatch(record -> record.fields().stream().noneMatch(String::isEmpty));
        assertThat(trainings.records()).anyMatch(record -> record.fields().contains("n/a"));

        CsvTestReader.Table coaching = CsvTestReader.read(DATA_SAMPLES.resolve("field-exports/kobo-legacy/jijukirwa_coaching.csv"));
        int osh = coaching.header().indexOf("grp_assessment/topics/osh");
        assertThat(osh).isPositive();
        assertThat(coaching.records()).allMatch(record -> Set.of("True", "False").contains(record.fields().get(osh)));
    }

    @Test
    void odkZipsHoldCentralsCsvsWithKeysAndReviewStates()
            throws IOException
    {
        Map<String, String> entries = zipEntries(DATA_SAMPLES.resolve("field-exports/odk/jijukirwa_trainings.zip"));
        assertThat(entries.keySet()).containsExactly("jijukirwa_trainings.csv", "jijukirwa_trainings-attendee.csv");
        List<String> main = List.of(entries.get("jijukirwa_trainings.csv").split("\n"));
        assertThat(main.get(0)).startsWith("SubmissionDate,start,end,grp_session-session_id,")
                .endsWith(",meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion");
        assertThat(entries.get("jijukirwa_trainings-attendee.csv")).startsWith("cooperative_id,member_id,attendee_role,PARENT_KEY,KEY\n")
                .containsPattern(",uuid:[0-9a-f-]{36},uuid:[0-9a-f-]{36}/attendee\\[1]\n");

        FieldExportTestReader.Export coaching = exports.get("field-exports/odk/jijukirwa_coaching.zip");
        assertThat(coaching.records()).allMatch(record -> record.values().get("SubmissionDate").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"));
        assertThat(coaching.records()).allMatch(record -> record.values().get("start").endsWith("+02:00"));
        assertThat(coaching.records().stream().map(record -> record.values().get("ReviewState")).distinct())
                .containsExactlyInAnyOrder("", "approved", "hasIssues", "edited", "rejected");
    }

    @Test
    void theReadmesTableHasTheManifestsCounts()
            throws IOException
    {
        List<String> readme = Files.readAllLines(DATA_SAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
        for (String path : files.keySet()) {
            String file = path.substring("field-exports/".length());
            String line = readme.stream().filter(text -> text.startsWith("| `" + file + "` |")).findFirst().orElseThrow(() -> new AssertionError(file));
            assertThat(line).contains("| " + number(entry(path), "submissions") + " | " + number(entry(path), "rows") + " | "
                    + number(entry(path), "valid_rows") + " |");
            reasons(entry(path)).forEach((reason, count) -> assertThat(line).contains("`" + reason + "` " + count));
        }
    }

    @Test
    void withoutTheMappingNoFileNameOrFolderNamesARecordSet()
    {
        for (String path : files.keySet()) {
            for (String name : path.split("/")) {
                assertThat(name.toLowerCase(Locale.ROOT)).as(path).doesNotStartWith("cooperative").doesNotStartWith("member")
                        .doesNotStartWith("training").doesNotStartWith("coaching");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMappingFileGivesEachExportItsDatasetAndVersionColumn()
            throws IOException
    {
        Map<String, Object> mapping = (Map<String, Object>) JsonTestReader.parse(Files.readString(DATA_SAMPLES.resolve("field-exports/mapping.json")));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) mapping.get("files");
        for (String path : files.keySet()) {
            Map<String, Object> first = rules.stream().filter(rule -> matcher((String) rule.get("path")).matches(Path.of(path))).findFirst().orElseThrow();
            assertThat(first.get("dataset")).as(path).isEqualTo(entry(path).get("dataset"));
            Map<String, Object> columns = (Map<String, Object>) first.get("columns");
            String versionColumn = path.contains("/odk/") ? "SubmissionDate" : "_submission_time";
            assertThat(columns).as(path).containsExactly(Map.entry(versionColumn, "updated_at"));
            assertThat(exports.get(path).header()).as(path).contains(versionColumn);
        }
    }

    @Test
    void noKeyOrNationalIdMeetsTheMainSamples()
            throws IOException
    {
        ContractChecker.Report sample = new ContractChecker(GeneratedDataSet.REFERENCE, AS_OF).check(DATA_SAMPLES);
        Set<String> sampleValues = new HashSet<>();
        for (ContractChecker.Row row : sample.rows()) {
            for (String column : List.of("cooperative_id", "member_id", "session_id", "visit_id", "national_id")) {
                if (row.value(column) != null) {
                    sampleValues.add(column + "=" + row.value(column));
                }
            }
        }
        for (FieldExportTestReader.Export export : exports.values()) {
            for (FieldExportTestReader.Record record : export.records()) {
                for (String column : List.of("cooperative_id", "member_id", "session_id", "visit_id", "national_id")) {
                    String value = record.values().get(column);
                    if (value != null && !value.isEmpty()) {
                        assertThat(sampleValues).doesNotContain(column + "=" + value);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers()
            throws IOException
    {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        Path other = folder.resolve("other");
        new FieldExports(first, 2024, LocalDate.of(2018, 1, 1), AS_OF).write();
        new FieldExports(second, 2024, LocalDate.of(2018, 1, 1), AS_OF).write();
        new FieldExports(other, 7, LocalDate.of(2018, 1, 1), AS_OF).write();

        for (String path : files.keySet()) {
            byte[] bytes = Files.readAllBytes(first.resolve(path));
            assertThat(Files.readAllBytes(second.resolve(path))).as(path).isEqualTo(bytes);
            assertThat(Files.readAllBytes(DATA_SAMPLES.resolve(path))).as(path).isEqualTo(bytes);
            assertThat(Files.readAllBytes(other.resolve(path))).as(path).isNotEqualTo(bytes);
        }
    }

    @Test
    void anEarlierRunsFilesAreReplacedButAForeignFileIsRefused()
            throws IOException
    {
        Path root = folder.resolve("rerun");
        new FieldExports(root, 2024, LocalDate.of(2018, 1, 1), AS_OF).write();
        new FieldExports(root, 2024, LocalDate.of(2018, 1, 1), AS_OF).write();
        Files.writeString(root.resolve("field-exports/kobo/notes.txt"), "mine");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FieldExports(root, 2024, LocalDate.of(2018, 1, 1), AS_OF).write())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kobo/notes.txt");
        assertThat(root.resolve("field-exports/kobo/notes.txt")).exists();
    }

    // ---- helpers ----

    private void writeContractCsv(Path file, String dataset, List<FieldExportTestReader.Record> records)
            throws IOException
    {
        List<String> columns = ContractChecker.COLUMNS.get(dataset);
        StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
        for (FieldExportTestReader.Record record : records) {
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add("\"" + record.values().getOrDefault(column, "").replace("\"", "\"\"") + "\"");
            }
            text.append(String.join(",", values)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String key(ContractChecker.Row row)
    {
        return switch (row.dataset()) {
            case "cooperatives" -> row.value("cooperative_id");
            case "members" -> row.value("member_id");
            case "trainings" -> row.value("session_id") + "|" + row.value("cooperative_id") + "|" + row.value("member_id");
            default -> row.value("visit_id");
        };
    }

    private static XlsFormChecker.Form form(String dataset)
            throws IOException
    {
        return XlsFormChecker.read(Files.readAllBytes(FORMS.resolve(dataset + ".xlsx")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entry(String path)
    {
        return (Map<String, Object>) files.get(path);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> datasetTotals(String dataset)
    {
        return (Map<String, Object>) ((Map<String, Object>) section.get("datasets")).get(dataset);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> reasons(Map<String, Object> entry)
    {
        Map<String, Long> reasons = new TreeMap<>();
        ((Map<String, Object>) entry.get("bad_rows_by_reason")).forEach((reason, count) -> reasons.put(reason, ((Number) count).longValue()));
        return reasons;
    }

    private static long number(Map<String, Object> entry, String name)
    {
        return ((Number) entry.get(name)).longValue();
    }

    private static Workbook workbook(String path)
            throws IOException
    {
        return new XSSFWorkbook(Files.newInputStream(DATA_SAMPLES.resolve(path)));
    }

    private static List<String> header(Sheet sheet)
    {
        List<String> header = new ArrayList<>();
        for (int column = 0; column < sheet.getRow(0).getLastCellNum(); column++) {
            Cell cell = sheet.getRow(0).getCell(column);
            header.add(cell == null ? "" : cell.getStringCellValue());
        }
        return header;
    }

    private static PathMatcher matcher(String glob)
    {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    private static Map<String, String> zipEntries(Path zip)
            throws IOException
    {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static String zipEntry(Path zip, String name)
            throws IOException
    {
        return zipEntries(zip).get(name);
    }
}
