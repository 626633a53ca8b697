package org.jijukirwa.generator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Opens an XLSForm the way pyxform (KoboToolbox, ODK Central) does and lists
 * what it would refuse or what breaks the programme's rules: required sheets
 * and columns, known question types, balanced groups and repeats, unique
 * field names, each select's list present in choices, choice names unique per
 * list, labels in all three languages, constraints and relevance in the
 * XPath subset with references to existing fields. The reference lists and
 * the contract's columns are checked by the test that uses it.
 */
final class XlsFormChecker
{
    static final List<String> LANGUAGES = List.of("English (en)", "French (fr)", "Kinyarwanda (rw)");
    private static final Set<String> PLAIN_TYPES = Set.of("text", "integer", "decimal", "date", "datetime", "time", "note", "calculate",
            "geopoint", "image", "begin_group", "end_group", "begin_repeat", "end_repeat", "start", "end", "today", "deviceid", "username");
    private static final Set<String> METADATA = Set.of("start", "end", "today", "deviceid", "username");
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    /** A form as read: its sheets as rows of text keyed by header, and everything found wrong. */
    record Form(List<Map<String, String>> survey, List<Map<String, String>> choices, Map<String, String> settings, List<String> problems)
    {
        List<Map<String, String>> fields()
        {
            return survey.stream().filter(row -> !row.get("type").startsWith("begin_") && !row.get("type").startsWith("end_")
                    && !METADATA.contains(row.get("type"))).toList();
        }

        /** list_name -> choice name -> English label, in sheet order. */
        Map<String, Map<String, String>> choiceLists()
        {
            Map<String, Map<String, String>> lists = new LinkedHashMap<>();
            for (Map<String, String> choice : choices) {
                lists.computeIfAbsent(choice.get("list_name"), name -> new LinkedHashMap<>()).put(choice.get("name"), choice.get("label::English (en)"));
            }
            return lists;
        }
    }

    private XlsFormChecker()
    {
    }

    static Form read(byte[] xlsx)
            throws IOException
    {
        List<String> problems = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Map<String, String>> survey = sheet(workbook, "survey", problems);
            List<Map<String, String>> choices = sheet(workbook, "choices", problems);
            List<Map<String, String>> settingsRows = sheet(workbook, "settings", problems);
            Map<String, String> settings = settingsRows.isEmpty() ? Map.of() : settingsRows.get(0);
            Form form = new Form(survey, choices, settings, problems);
            check(form, workbook, problems);
            return form;
        }
    }

    private static List<Map<String, String>> sheet(Workbook workbook, String name, List<String> problems)
    {
        Sheet sheet = workbook.getSheet(name);
        if (sheet == null) {
            problems.add("no " + name + " sheet");
            return List.of();
        }
        DataFormatter formatter = new DataFormatter();
        List<String> header = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            for (int column = 0; column < Math.max(row.getLastCellNum(), header.size()); column++) {
                Cell cell = row.getCell(column);
                values.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
            }
            if (header.isEmpty()) {
                header.addAll(values);
                continue;
            }
            if (values.stream().allMatch(String::isEmpty)) {
                continue;
            }
            Map<String, String> keyed = new LinkedHashMap<>();
            for (int column = 0; column < header.size(); column++) {
                keyed.put(header.get(column), column < values.size() ? values.get(column) : "");
            }
            rows.add(keyed);
        }
        if (rows.isEmpty()) {
            problems.add(name + " sheet has no rows");
        }
        return rows;
    }

    private static void check(Form form, Workbook workbook, List<String> problems)
    {
        requireColumns(workbook, "survey", withLabels(List.of("type", "name")), problems);
        requireColumns(workbook, "choices", withLabels(List.of("list_name", "name")), problems);
        requireColumns(workbook, "settings", List.of("form_id", "version"), problems);
        if (!problems.isEmpty()) {
            return;
        }
        if (form.settings().getOrDefault("form_id", "").isEmpty() || form.settings().getOrDefault("version", "").isEmpty()) {
            problems.add("settings need form_id and version");
        }

        Map<String, Map<String, String>> lists = form.choiceLists();
        Map<String, Set<String>> seenChoices = new HashMap<>();
        for (Map<String, String> choice : form.choices()) {
            String list = choice.get("list_name");
            if (!seenChoices.computeIfAbsent(list, name -> new HashSet<>()).add(choice.get("name"))) {
                problems.add("choice " + choice.get("name") + " twice in list " + list);
            }
            if (choice.get("name").isEmpty() || choice.get("name").contains(" ")) {
                problems.add("choice name '" + choice.get("name") + "' in list " + list + " is empty or has a space");
            }
            requireLabels("choice " + list + "/" + choice.get("name"), choice, problems);
        }

        Set<String> names = new HashSet<>();
        Deque<Map<String, String>> open = new ArrayDeque<>();
        for (Map<String, String> question : form.survey()) {
            String type = question.get("type").replaceAll("\\s+", " ");
            String name = question.get("name");
            String[] typeParts = type.split(" ");
            boolean select = typeParts[0].equals("select_one") || typeParts[0].equals("select_multiple");
            if (select) {
                if (typeParts.length != 2) {
                    problems.add(name + ": '" + type + "' needs one list name");
                }
                else if (!lists.containsKey(typeParts[1])) {
                    problems.add(name + ": list " + typeParts[1] + " is not in the choices sheet");
                }
            }
            else if (!PLAIN_TYPES.contains(type)) {
                problems.add(name + ": unknown type '" + type + "'");
            }
            if (type.startsWith("begin_")) {
                open.push(question);
            }
            else if (type.startsWith("end_")) {
                Map<String, String> begun = open.poll();
                if (begun == null || !begun.get("type").substring("begin_".length()).equals(type.substring("end_".length()))) {
                    problems.add("'" + type + "' " + name + " closes nothing it opened");
                }
                continue;
            }
            if (!XML_NAME.matcher(name).matches()) {
                problems.add("'" + name + "' is not a valid field name");
            }
            if (!names.add(name)) {
                problems.add(name + " is named twice");
            }
            if (!METADATA.contains(type)) {
                requireLabels(name, question, problems);
            }
        }
        if (!open.isEmpty()) {
            problems.add("not closed: " + open.peek().get("name"));
        }
        for (Map<String, String> question : form.survey()) {
            for (String column : List.of("constraint", "relevant")) {
                String expression = question.getOrDefault(column, "");
                if (expression.isEmpty()) {
                    continue;
                }
                try {
                    XPathSubset.parse(expression);
                    for (String reference : XPathSubset.references(expression)) {
                        if (!names.contains(reference)) {
                            problems.add(question.get("name") + " " + column + " refers to ${" + reference + "}, which is no field");
                        }
                    }
                }
                catch (IllegalArgumentException e) {
                    problems.add(question.get("name") + " " + column + ": " + e.getMessage());
                }
            }
        }
    }

    private static List<String> withLabels(List<String> columns)
    {
        List<String> all = new ArrayList<>(columns);
        LANGUAGES.forEach(language -> all.add("label::" + language));
        return all;
    }

    private static void requireColumns(Workbook workbook, String sheetName, List<String> columns, List<String> problems)
    {
        Sheet sheet = workbook.getSheet(sheetName);
        if (sheet == null || sheet.getRow(0) == null) {
            return;
        }
        Set<String> header = new HashSet<>();
        DataFormatter formatter = new DataFormatter();
        sheet.getRow(0).forEach(cell -> header.add(formatter.formatCellValue(cell).strip()));
        for (String column : columns) {
            if (!header.contains(column)) {
                problems.add(sheetName + " sheet has no column " + column);
            }
        }
    }

    private static void requireLabels(String what, Map<String, String> row, List<String> problems)
    {
        for (String language : LANGUAGES) {
            if (row.getOrDefault("label::" + language, "").isEmpty()) {
                problems.add(what + " has no " + language + " label");
            }
        }
    }
}
