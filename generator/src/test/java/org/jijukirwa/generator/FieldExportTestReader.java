package org.jijukirwa.generator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An independent reading of the field exports for the tests, the way a
 * programme's analyst (or the ingest) would take them apart: POI for XLSX,
 * java.util.zip for ODK's zip, the tests' CSV reader for CSV. Each file gives
 * contract records (values by contract column, the version in updated_at)
 * and whether a reviewer rejected the submission. Labels are mapped back to
 * names with the committed XLSForm (forms/*.xlsx), not the generator's code.
 */
final class FieldExportTestReader
{
    private static final Pattern LEGACY_REPEAT = Pattern.compile("([a-z_]+)\\[(\\d+)]/([a-z_]+)");
    private static final Set<String> REJECTED = Set.of("validation_status_not_approved", "Not Approved", "rejected");

    record Record(Map<String, String> values, boolean rejected)
    {
    }

    record Export(List<String> header, List<Record> records)
    {
    }

    private FieldExportTestReader()
    {
    }

    static Export read(Path file, String dataset, XlsFormChecker.Form form)
            throws IOException
    {
        String name = file.getFileName().toString();
        if (name.endsWith(".zip")) {
            return odkZip(file, form);
        }
        if (file.getParent().getFileName().toString().equals("kobo-legacy")) {
            return kobocatCsv(file, dataset);
        }
        if (name.endsWith(".csv")) {
            return koboCsv(file, form);
        }
        return koboXlsx(file);
    }

    // ---- KoboToolbox ----

    /**
     * Names or labels (of whichever language names the headers), with or without the groups' path; a select_one's
     * label is mapped back to its name, a select_multiple is read from its 1/0 option columns (its summary of labels
     * joined by spaces cannot be split when labels have spaces).
     */
    private static Export koboCsv(Path file, XlsFormChecker.Form form)
            throws IOException
    {
        CsvTestReader.Table table = CsvTestReader.read(file);
        String language = null;
        long best = 0;
        for (String candidate : XlsFormChecker.LANGUAGES) {
            Set<String> labels = new java.util.HashSet<>();
            form.survey().forEach(question -> labels.add(question.getOrDefault("label::" + candidate, "")));
            long named = table.header().stream().filter(header -> labels.contains(lastSegment(header, "/"))).count();
            if (named > best) {
                best = named;
                language = candidate;
            }
        }
        Map<String, String> nameOf = new HashMap<>();
        Map<String, String> listOf = new HashMap<>();
        Set<String> multiple = new java.util.HashSet<>();
        for (Map<String, String> question : form.survey()) {
            nameOf.put(language == null ? question.get("name") : question.getOrDefault("label::" + language, ""), question.get("name"));
            String[] type = question.get("type").split(" ");
            if (type.length == 2) {
                listOf.put(question.get("name"), type[1]);
                if (type[0].equals("select_multiple")) {
                    multiple.add(question.get("name"));
                }
            }
        }
        Map<String, String> choiceOf = new HashMap<>();
        for (Map<String, String> choice : form.choices()) {
            choiceOf.put(choice.get("list_name") + "|" + (language == null ? choice.get("name") : choice.get("label::" + language)), choice.get("name"));
        }
        List<String> fields = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String header : table.header()) {
            String field = nameOf.getOrDefault(lastSegment(header, "/"), lastSegment(header, "/"));
            String parent = header.contains("/") ? nameOf.get(lastSegment(header.substring(0, header.lastIndexOf('/')), "/")) : null;
            boolean option = parent != null && multiple.contains(parent) && !nameOf.containsKey(lastSegment(header, "/"));
            fields.add(option ? parent : field);
            options.add(option ? choiceOf.get(listOf.get(parent) + "|" + lastSegment(header, "/")) : null);
        }
        List<Record> records = new ArrayList<>();
        for (CsvTestReader.Record record : table.records()) {
            if (record.fields().stream().allMatch(value -> value.isEmpty() || value.startsWith("#"))) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, List<String>> selected = new HashMap<>();
            for (int column = 0; column < fields.size(); column++) {
                String field = fields.get(column);
                String value = record.fields().get(column);
                if (options.get(column) != null) {
                    if (value.equals("1")) {
                        selected.computeIfAbsent(field, key -> new ArrayList<>()).add(options.get(column));
                    }
                    continue;
                }
                if (language != null && listOf.containsKey(field) && !multiple.contains(field) && !value.isEmpty()) {
                    value = choiceOf.getOrDefault(listOf.get(field) + "|" + value, "?" + value);
                }
                values.putIfAbsent(field, value);
            }
            for (String field : multiple) {
                if (values.containsKey(field)) {
                    values.put(field, String.join(" ", selected.getOrDefault(field, List.of())));
                }
            }
            records.add(koboRecord(values));
        }
        return new Export(table.header(), records);
    }

    private static Export koboXlsx(Path file)
            throws IOException
    {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            List<List<String>> main = sheet(workbook.getSheetAt(0));
            List<String> header = main.get(0);
            List<Map<String, String>> rows = keyed(main, "/");
            if (workbook.getNumberOfSheets() == 1) {
                return new Export(header, rows.stream().map(FieldExportTestReader::koboRecord).toList());
            }
            Map<String, Map<String, String>> parents = new HashMap<>();
            rows.forEach(row -> parents.put(row.get("_index"), row));
            List<Record> records = new ArrayList<>();
            for (Map<String, String> entry : keyed(sheet(workbook.getSheetAt(1)), "/")) {
                Map<String, String> parent = parents.get(entry.get("_parent_index"));
                Map<String, String> values = new LinkedHashMap<>(parent);
                values.putAll(entry);
                values.put("_submission_time", entry.get("_submission__submission_time"));
                values.put("_validation_status", entry.get("_submission__validation_status"));
                records.add(koboRecord(values));
            }
            return new Export(header, records);
        }
    }

    private static Record koboRecord(Map<String, String> values)
    {
        Map<String, String> record = new LinkedHashMap<>(values);
        String submitted = values.get("_submission_time");
        // Kobo writes the server's time in UTC without an offset: say so before the contract reads it.
        record.put("updated_at", submitted == null || submitted.isEmpty() ? "" : submitted.replace(' ', 'T') + "Z");
        return new Record(record, REJECTED.contains(values.getOrDefault("_validation_status", "")));
    }

    // ---- the legacy KoBoCAT CSV ----

    private static Export kobocatCsv(Path file, String dataset)
            throws IOException
    {
        CsvTestReader.Table table = CsvTestReader.read(file);
        List<Record> records = new ArrayList<>();
        for (CsvTestReader.Record record : table.records()) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<Integer, Map<String, String>> entries = new java.util.TreeMap<>();
            for (int column = 0; column < table.header().size(); column++) {
                String header = table.header().get(column);
                String value = record.fields().get(column).equals("n/a") ? "" : record.fields().get(column);
                Matcher repeat = LEGACY_REPEAT.matcher(header);
                if (repeat.matches()) {
                    entries.computeIfAbsent(Integer.parseInt(repeat.group(2)), index -> new LinkedHashMap<>()).put(repeat.group(3), value);
                }
                else if (!value.equals("True") && !value.equals("False")) {
                    values.putIfAbsent(lastSegment(header, "/"), value);
                }
            }
            if (!dataset.equals("trainings")) {
                records.add(koboRecord(values));
                continue;
            }
            for (Map<String, String> entry : entries.values()) {
                if (entry.values().stream().allMatch(String::isEmpty)) {
                    continue;
                }
                Map<String, String> joined = new LinkedHashMap<>(values);
                joined.putAll(entry);
                records.add(koboRecord(joined));
            }
        }
        return new Export(table.header(), records);
    }

    // ---- ODK Central ----

    private static Export odkZip(Path file, XlsFormChecker.Form form)
            throws IOException
    {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        String formId = form.settings().get("form_id");
        CsvTestReader.Table main = csv(entries.get(formId + ".csv"));
        List<Map<String, String>> submissions = keyed(main, "-");
        List<Record> records = new ArrayList<>();
        String repeatFile = entries.keySet().stream().filter(name -> !name.equals(formId + ".csv")).findFirst().orElse(null);
        if (repeatFile == null) {
            submissions.forEach(row -> records.add(odkRecord(row)));
            return new Export(main.header(), records);
        }
        Map<String, Map<String, String>> byKey = new HashMap<>();
        submissions.forEach(row -> byKey.put(row.get("KEY"), row));
        for (Map<String, String> entry : keyed(csv(entries.get(repeatFile)), "-")) {
            Map<String, String> values = new LinkedHashMap<>(byKey.get(entry.get("PARENT_KEY")));
            values.putAll(entry);
            records.add(odkRecord(values));
        }
        return new Export(main.header(), records);
    }

    private static Record odkRecord(Map<String, String> values)
    {
        Map<String, String> record = new LinkedHashMap<>(values);
        record.put("updated_at", values.get("SubmissionDate"));
        return new Record(record, REJECTED.contains(values.getOrDefault("ReviewState", "")));
    }

    private static CsvTestReader.Table csv(byte[] bytes)
            throws IOException
    {
        Path temporary = Files.createTempFile("odk", ".csv");
        try {
            Files.write(temporary, bytes);
            return CsvTestReader.read(temporary);
        }
        finally {
            Files.delete(temporary);
        }
    }

    // ---- helpers ----

    /** Rows of a sheet as text: whole numbers without ".0", date-time cells as ISO (date only at midnight). */
    private static List<List<String>> sheet(Sheet sheet)
    {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        int width = sheet.getRow(0).getLastCellNum();
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < width; column++) {
                Cell cell = row.getCell(column);
                if (cell == null) {
                    values.add("");
                }
                else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                    java.time.LocalDateTime value = cell.getLocalDateTimeCellValue();
                    values.add(value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString());
                }
                else if (cell.getCellType() == CellType.NUMERIC) {
                    double number = cell.getNumericCellValue();
                    values.add(number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number));
                }
                else {
                    values.add(formatter.formatCellValue(cell));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    private static List<Map<String, String>> keyed(List<List<String>> rows, String groupSeparator)
    {
        List<Map<String, String>> keyed = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int column = 0; column < rows.get(0).size(); column++) {
                String header = rows.get(0).get(column);
                if (header.isEmpty()) {
                    continue;
                }
                values.putIfAbsent(header.startsWith("_") ? header : lastSegment(header, groupSeparator), column < row.size() ? row.get(column) : "");
            }
            keyed.add(values);
        }
        return keyed;
    }

    private static List<Map<String, String>> keyed(CsvTestReader.Table table, String groupSeparator)
    {
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.header());
        table.records().forEach(record -> rows.add(record.fields()));
        return keyed(rows, groupSeparator);
    }

    private static String lastSegment(String header, String separator)
    {
        int at = header.lastIndexOf(separator);
        return at < 0 ? header : header.substring(at + 1);
    }
}
