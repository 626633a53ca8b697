package org.jijukirwa.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An XLSForm as far as the ingest needs it: its {@code survey} sheet (every field's name, type, the groups
 * and repeats it sits in, its labels in each language), its {@code choices} sheet (every choice's name and
 * labels) and its {@code settings} ({@code form_id}, {@code form_title}). Read once on the driver.
 */
public record XlsForm(String source, String formId, String formTitle, List<Field> fields, Map<String, List<Choice>> choices)
{
    public XlsForm
    {
        requireNonNull(source, "source is null");
        formId = formId == null ? "" : formId;
        formTitle = formTitle == null ? "" : formTitle;
        fields = List.copyOf(fields);
        choices = Map.copyOf(choices);
    }

    /**
     * One question (or note, calculate, ...) of the survey. {@code groups}: the names of the groups and repeats
     * around it, outermost first; {@code repeat}: the innermost repeat around it, or null.
     */
    public record Field(String name, String type, List<String> groups, String repeat, List<String> labels, String listName)
    {
        public Field
        {
            groups = List.copyOf(groups);
            labels = List.copyOf(labels);
        }

        public boolean isSelectMultiple()
        {
            return type.startsWith("select_multiple");
        }

        /** The names a tool writes for this field's column: Kobo {@code a/b/name}, ODK {@code a-b-name}, the bare name. */
        public List<String> paths()
        {
            if (groups.isEmpty()) {
                return List.of(name);
            }
            return List.of(String.join("/", groups) + "/" + name, String.join("-", groups) + "-" + name, name);
        }
    }

    public record Choice(String name, List<String> labels)
    {
        public Choice
        {
            labels = List.copyOf(labels);
        }
    }

    /** Whether a workbook is an XLSForm: it has a survey sheet. */
    public static boolean isXlsForm(Path file)
    {
        try {
            return XlsxWorkbookReader.sheetNames(file).stream().anyMatch(name -> name.strip().equalsIgnoreCase("survey"));
        }
        catch (IOException e) {
            return false;
        }
    }

    public static XlsForm read(Path file)
    {
        try {
            List<String> sheets = XlsxWorkbookReader.sheetNames(file);
            List<Map<String, String>> survey = rows(file, sheet(sheets, "survey").orElseThrow(() -> new IngestException("XLSForm " + file + " has no survey sheet")));
            List<Map<String, String>> choiceRows = sheet(sheets, "choices").isPresent() ? rows(file, sheet(sheets, "choices").get()) : List.of();
            List<Map<String, String>> settings = sheet(sheets, "settings").isPresent() ? rows(file, sheet(sheets, "settings").get()) : List.of();

            List<Field> fields = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            List<String> repeats = new ArrayList<>();
            List<Boolean> groupIsRepeat = new ArrayList<>();
            for (Map<String, String> row : survey) {
                String type = normaliseType(row.get("type"));
                String name = strip(row.get("name"));
                if (type.isEmpty()) {
                    continue;
                }
                if (type.equals("begin group") || type.equals("begin repeat")) {
                    boolean repeat = type.equals("begin repeat");
                    groups.add(name == null ? "" : name);
                    groupIsRepeat.add(repeat);
                    if (repeat) {
                        repeats.add(name);
                    }
                    continue;
                }
                if (type.equals("end group") || type.equals("end repeat")) {
                    if (!groups.isEmpty()) {
                        groups.remove(groups.size() - 1);
                        if (groupIsRepeat.remove(groupIsRepeat.size() - 1)) {
                            repeats.remove(repeats.size() - 1);
                        }
                    }
                    continue;
                }
                if (name == null) {
                    continue;
                }
                String listName = null;
                if (type.startsWith("select_one ") || type.startsWith("select_multiple ")) {
                    listName = type.substring(type.indexOf(' ') + 1).strip();
                }
                fields.add(new Field(name, type, groups, repeats.isEmpty() ? null : repeats.get(repeats.size() - 1), labels(row), listName));
            }
            Map<String, List<Choice>> choices = new LinkedHashMap<>();
            for (Map<String, String> row : choiceRows) {
                String list = strip(row.getOrDefault("list_name", row.get("list name")));
                String name = strip(row.get("name"));
                if (list != null && name != null) {
                    choices.computeIfAbsent(list, key -> new ArrayList<>()).add(new Choice(name, labels(row)));
                }
            }
            Map<String, String> setting = settings.isEmpty() ? Map.of() : settings.get(0);
            return new XlsForm(file.toString(), strip(setting.get("form_id")), strip(setting.get("form_title")), fields, choices);
        }
        catch (IOException e) {
            throw new IngestException("cannot read the XLSForm " + file + ": " + e.getMessage(), e);
        }
    }

    /** The field of a column name: its path (`grp/name`, `grp-name`), its bare name or one of its labels; empty when none fits. */
    public Optional<Field> field(String columnName)
    {
        String wanted = lower(columnName);
        for (Field field : fields) {
            for (String path : field.paths()) {
                if (lower(path).equals(wanted)) {
                    return Optional.of(field);
                }
            }
        }
        for (Field field : fields) {
            for (String label : field.labels()) {
                if (lower(label).equals(wanted)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /** The choices of a select field (empty for other fields). */
    public List<Choice> choicesOf(Field field)
    {
        return field.listName() == null ? List.of() : choices.getOrDefault(field.listName(), List.of());
    }

    /** The names of the repeat groups of the survey. */
    public List<String> repeatNames()
    {
        List<String> names = new ArrayList<>();
        for (Field field : fields) {
            if (field.repeat() != null && !names.contains(field.repeat())) {
                names.add(field.repeat());
            }
        }
        return names;
    }

    private static Optional<String> sheet(List<String> sheets, String name)
    {
        return sheets.stream().filter(sheet -> sheet.strip().equalsIgnoreCase(name)).findFirst();
    }

    /** The rows of a sheet as header (lower case, trimmed) -> cell. */
    private static List<Map<String, String>> rows(Path file, String sheet)
            throws IOException
    {
        List<Map<String, String>> rows = new ArrayList<>();
        try (ExportTable table = ExportContainer.XLSX.open(file, sheet)) {
            List<String> header = table.header().stream().map(XlsForm::lower).toList();
            for (ExportRow row = table.next(); row != null; row = table.next()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (!header.get(i).isEmpty() && row.cell(i) != null) {
                        values.put(header.get(i), row.cell(i));
                    }
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** The labels of a survey or choices row: `label` and every `label::language` column. */
    private static List<String> labels(Map<String, String> row)
    {
        List<String> labels = new ArrayList<>();
        row.forEach((column, value) -> {
            if ((column.equals("label") || column.startsWith("label::") || column.startsWith("label:")) && strip(value) != null) {
                labels.add(strip(value));
            }
        });
        return labels;
    }

    private static String normaliseType(String type)
    {
        String text = strip(type);
        if (text == null) {
            return "";
        }
        text = lower(text).replaceAll("\\s+", " ");
        return switch (text) {
            case "begin_group" -> "begin group";
            case "end_group" -> "end group";
            case "begin_repeat" -> "begin repeat";
            case "end_repeat" -> "end repeat";
            default -> text;
        };
    }

    private static String strip(String text)
    {
        return FieldRules.text(text);
    }

    static String lower(String text)
    {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
