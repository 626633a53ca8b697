package org.jijukirwa.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import static java.util.Objects.requireNonNull;

/**
 * Decides, on the driver, how a field tool's export file is read ({@link FieldExport} per table): its
 * form (an XLSForm of {@link FormLibrary}, if one fits), its dataset (mapping file, form id or title, file
 * or table name), the tables that feed it and how each column resolves.
 * <p>
 * Tables: a repeat table (Kobo sheet with {@code _parent_index}; ODK CSV with {@code PARENT_KEY}; the legacy
 * CSV's numbered {@code <repeat>[n]/} columns) feeds the dataset when the mapping's {@code repeat} names it,
 * or, without one, when, joined to its parent, it has all the dataset's required columns and its own columns
 * feed the most contract columns of all such repeats (at least one); the main table feeds it when no repeat does. The other tables are listed as
 * ignored files ({@code export.xlsx#Sheet}).
 * <p>
 * Columns, each contract column fed once, the columns of the table before its parent's: first the mapping
 * file's names, then the contract's names; each compared with the column as written, the field the form
 * names by that path or label, and the name after its group prefix (after the last {@code /}, or after a
 * {@code -} or {@code .}). Split select_multiple columns ({@code topics/osh} True/False) feed their
 * list. Without a column for updated_at, the submission time feeds it ({@code _submission_time}, read as UTC,
 * or ODK's {@code SubmissionDate}).
 */
final class FieldExportPlanner
{
    private static final Set<String> METADATA = Set.of("_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
            "_submitted_by", "__version__", "_version_", "_tags", "_index", "_parent_index", "_parent_table_name", "_xform_id_string",
            "_attachments", "_geolocation", "_bamboo_dataset_id", "_media_all_received", "_total_media", "_media_count", "_duration",
            "meta/instanceid", "meta/deprecatedid", "meta/rootuuid", "formhub/uuid", "start", "end", "today", "deviceid", "username",
            "submissiondate", "key", "parent_key", "meta-instanceid", "meta-instancename", "instanceid", "submitterid", "submittername",
            "attachmentspresent", "attachmentsexpected", "status", "reviewstate", "edits", "formversion");
    /** Columns only the field tools write, whose presence sends a CSV file through the export reader. */
    private static final Set<String> EXPORT_MARKERS = Set.of("_submission_time", "_validation_status", "_parent_index", "submissiondate",
            "reviewstate", "parent_key", "meta-instanceid");
    private static final Set<String> UTC_COLUMNS = Set.of("_submission_time", "_submission__submission_time");
    private static final List<String> SUBMISSION_TIMES = List.of("_submission_time", "_submission__submission_time", "submissiondate");
    private static final List<String> REVIEW_COLUMNS = List.of("_validation_status", "_submission__validation_status", "reviewstate");
    private static final List<String> SUBMISSION_KEYS = List.of("_uuid", "_submission__uuid", "meta/instanceid", "meta-instanceid", "instanceid", "key");
    private static final String LIST_COLUMN = "topics";

    private final ColumnMapping mapping;
    private final FormLibrary forms;

    FieldExportPlanner(ColumnMapping mapping, FormLibrary forms)
    {
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.forms = requireNonNull(forms, "forms is null");
    }

    record Planned(List<InputFile> dataFiles, List<String> ignoredFiles)
    {
    }

    static boolean isMetadata(String normalisedName)
    {
        return METADATA.contains(normalisedName) || normalisedName.startsWith("_submission_") || normalisedName.startsWith("meta/")
                || normalisedName.startsWith("meta-") || normalisedName.startsWith("formhub/");
    }

    /** Whether a CSV header is a field tool's export (its metadata columns, or numbered repeat columns). */
    static boolean looksLikeExport(List<String> header)
    {
        for (String name : header) {
            String normalised = ColumnResolver.normalise(name);
            if (EXPORT_MARKERS.contains(normalised) || FieldExportRows.NUMBERED.matcher(normalised).matches()) {
                return true;
            }
        }
        return false;
    }

    /** One table's name and header, and for a repeat its parent table and repeat name. */
    private record TableInfo(String name, List<String> header, FieldExport.RepeatLayout layout, String parentTable, String repeatName)
    {
    }

    Planned plan(Path path, String relativePath, ExportContainer container, String sha256)
            throws IOException
    {
        List<String> tableNames = container.tableNames(path);
        if (tableNames.isEmpty()) {
            return new Planned(List.of(), List.of(relativePath));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> parentTableNames = new LinkedHashMap<>();
        for (String table : tableNames) {
            try (ExportTable open = container.open(path, table)) {
                Optional<FileRejection> problem = TextFileCheck.headerProblem(relativePath, open.header());
                if (problem.isPresent()) {
                    FileRejection rejection = problem.get();
                    String where = container == ExportContainer.CSV ? "" : table + ": ";
                    throw new FileRejectedException(new FileRejection(relativePath, rejection.reason(), where + rejection.message()));
                }
                headers.put(table, open.header());
                int parentName = normalised(open.header()).indexOf("_parent_table_name");
                if (parentName >= 0) {
                    ExportRow first = open.next();
                    String value = first == null ? null : ExportValues.clean(first.cell(parentName), false);
                    if (value != null) {
                        parentTableNames.put(table, value);
                    }
                }
            }
        }
        Optional<XlsForm> form = forms.match(relativePath, tableNames, headers);
        Optional<RecordSet> detected = form.flatMap(FieldExportPlanner::datasetOf)
                .or(() -> InputScanner.detect(relativePath))
                .or(() -> tableNames.stream().map(RecordSet::forFileOrFolderName).flatMap(Optional::stream).findFirst());
        Optional<ColumnMapping.ResolvedFile> resolved = mapping.resolve(relativePath, detected);
        if (resolved.isEmpty()) {
            return new Planned(List.of(), List.of(relativePath));
        }
        RecordSet recordSet = resolved.get().recordSet();

        List<TableInfo> tables = new ArrayList<>();
        for (String table : tableNames) {
            List<String> header = headers.get(table);
            List<String> names = normalised(header);
            if (names.contains("_parent_index") || names.contains("parent_key")) {
                String parent = container == ExportContainer.ZIP ? zipParent(table, tableNames)
                        : parentTableNames.getOrDefault(table, tableNames.get(0).equals(table) ? null : tableNames.get(0));
                String repeat = container == ExportContainer.ZIP && parent != null
                        ? stripCsv(table).substring(stripCsv(parent).length() + 1) : stripCsv(table);
                tables.add(new TableInfo(table, header, FieldExport.RepeatLayout.CHILD_TABLE, parent != null && tableNames.contains(parent) ? parent : null, repeat));
                continue;
            }
            Set<String> numberedRepeats = new LinkedHashSet<>();
            for (String name : names) {
                Matcher matcher = FieldExportRows.NUMBERED.matcher(name);
                if (matcher.matches()) {
                    numberedRepeats.add(matcher.group(2));
                }
            }
            tables.add(new TableInfo(table, header, FieldExport.RepeatLayout.NONE, null, null));
            for (String repeat : numberedRepeats) {
                tables.add(new TableInfo(table, header, FieldExport.RepeatLayout.NUMBERED_COLUMNS, null, repeat));
            }
        }

        Map<TableInfo, Candidate> candidates = new LinkedHashMap<>();
        for (TableInfo table : tables) {
            candidates.put(table, candidate(recordSet, resolved.get(), form, container, table, headers));
        }
        List<TableInfo> chosen = new ArrayList<>();
        Optional<String> repeat = resolved.get().repeat();
        if (repeat.isPresent()) {
            candidates.keySet().stream().filter(table -> table.repeatName() != null && table.repeatName().equalsIgnoreCase(repeat.get())).forEach(chosen::add);
            if (chosen.isEmpty()) {
                throw new IngestException("mapping file: " + relativePath + " has no repeat group '" + repeat.get() + "'");
            }
        }
        else {
            // The repeats whose own columns feed the most contract columns (a facilitators' repeat does not make attendances).
            int most = candidates.entrySet().stream().filter(entry -> entry.getKey().repeatName() != null && entry.getValue().hasRequired())
                    .mapToInt(entry -> entry.getValue().ownColumns()).max().orElse(0);
            candidates.forEach((table, candidate) -> {
                if (table.repeatName() != null && most > 0 && candidate.ownColumns() == most && candidate.hasRequired()) {
                    chosen.add(table);
                }
            });
            if (chosen.isEmpty()) {
                candidates.keySet().stream().filter(table -> table.layout() == FieldExport.RepeatLayout.NONE).forEach(chosen::add);
            }
        }

        List<InputFile> files = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (TableInfo table : chosen) {
            used.add(table.name());
            String sourceName = container.sourceName(relativePath, table.name());
            files.add(new InputFile(path.toString(), sourceName, recordSet, SourceFormat.FIELD_EXPORT, resolved.get().resolver(),
                    container == ExportContainer.CSV ? sha256 : sha256 + (container == ExportContainer.XLSX ? "#" : "!") + table.name(),
                    candidates.get(table).plan()));
        }
        List<String> ignored = new ArrayList<>();
        for (String table : tableNames) {
            if (!used.contains(table)) {
                ignored.add(container.sourceName(relativePath, table));
            }
        }
        return new Planned(files, ignored);
    }

    /** A table's plan, the number of contract columns its own columns feed, and whether it has every required column. */
    private record Candidate(FieldExport plan, int ownColumns, boolean hasRequired)
    {
    }

    private Candidate candidate(RecordSet recordSet, ColumnMapping.ResolvedFile resolved, Optional<XlsForm> form, ExportContainer container, TableInfo table,
            Map<String, List<String>> headers)
    {
        // The virtual columns: the table's own (for numbered repeats: the other columns and the names after the prefix), then the parent's.
        Map<String, String> written = new LinkedHashMap<>();  // normalised -> as written
        for (String name : table.header()) {
            String normalised = ColumnResolver.normalise(name);
            if (table.layout() == FieldExport.RepeatLayout.NUMBERED_COLUMNS) {
                Matcher matcher = FieldExportRows.NUMBERED.matcher(normalised);
                if (matcher.matches()) {
                    if (matcher.group(2).equals(table.repeatName())) {
                        written.putIfAbsent(matcher.group(4), name.strip().substring(name.strip().lastIndexOf(']') + 2));
                    }
                    continue;
                }
            }
            written.putIfAbsent(normalised, name.strip());
        }
        int ownCount = written.size();
        if (table.parentTable() != null) {
            for (String name : headers.getOrDefault(table.parentTable(), List.of())) {
                written.putIfAbsent(ColumnResolver.normalise(name), name.strip());
            }
        }
        List<String> names = new ArrayList<>(written.keySet());
        Map<String, String> mapped = resolved.resolver().mappedColumns();
        List<String> contract = recordSet.sourceColumns();
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, XlsForm.Field> fieldOf = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (int pass = 0; pass < 2; pass++) {
            for (String name : names) {
                if (columns.containsKey(name) || pass == 1 && mapped.containsKey(name)) {
                    continue;
                }
                for (String candidate : candidates(name, form, container)) {
                    String column = pass == 0 ? mapped.get(candidate) : contract.contains(candidate) ? candidate : null;
                    if (column != null && taken.add(column)) {
                        columns.put(name, column);
                        form.flatMap(f -> f.field(name).or(() -> f.field(FormLibrary.lastSegment(name)))).ifPresent(field -> fieldOf.put(column, field));
                        break;
                    }
                }
            }
        }
        // Split select_multiple columns: <list field path>/<choice name or label>, True/False.
        Map<String, Map<String, String>> choiceFlags = new LinkedHashMap<>();
        for (String name : names) {
            int slash = name.lastIndexOf('/');
            if (slash < 0 && container == ExportContainer.ZIP) {
                slash = name.lastIndexOf('-');
            }
            if (columns.containsKey(name) || slash <= 0) {
                continue;
            }
            String prefix = name.substring(0, slash);
            String option = name.substring(slash + 1);
            for (String candidate : candidates(prefix, form, container)) {
                String column = mapped.getOrDefault(candidate, contract.contains(candidate) ? candidate : null);
                Optional<XlsForm.Field> field = form.flatMap(f -> f.field(prefix).or(() -> f.field(FormLibrary.lastSegment(prefix))));
                boolean list = LIST_COLUMN.equals(column) || field.map(XlsForm.Field::isSelectMultiple).orElse(false);
                if (column != null && list) {
                    String choice = field.flatMap(f -> form.get().choicesOf(f).stream()
                            .filter(c -> c.name().equalsIgnoreCase(option) || c.labels().stream().anyMatch(label -> label.equalsIgnoreCase(option)))
                            .map(XlsForm.Choice::name).findFirst()).orElse(option);
                    choiceFlags.computeIfAbsent(column, key -> new LinkedHashMap<>()).put(name, choice);
                    field.ifPresent(f -> fieldOf.putIfAbsent(column, f));
                    break;
                }
            }
        }
        if (!taken.contains("updated_at") && contract.contains("updated_at")) {
            SUBMISSION_TIMES.stream().filter(written::containsKey).findFirst().ifPresent(time -> {
                columns.put(time, "updated_at");
                taken.add("updated_at");
            });
        }
        Map<String, Map<String, String>> valueNames = new LinkedHashMap<>();
        fieldOf.forEach((column, field) -> {
            Map<String, String> names2 = new LinkedHashMap<>();
            for (XlsForm.Choice choice : form.get().choicesOf(field)) {
                names2.put(FieldRules.lower(choice.name()), choice.name());
                choice.labels().forEach(label -> names2.putIfAbsent(FieldRules.lower(label), choice.name()));
            }
            if (!names2.isEmpty()) {
                valueNames.put(column, names2);
            }
        });
        resolved.valueAliases().forEach((column, aliases) -> valueNames.computeIfAbsent(column, key -> new LinkedHashMap<>()).putAll(aliases));

        int ownColumns = 0;
        List<String> ownNames = names.subList(0, ownCount);
        for (Map.Entry<String, String> column : columns.entrySet()) {
            if (ownNames.contains(column.getKey()) && !SUBMISSION_TIMES.contains(column.getKey())) {
                ownColumns++;
            }
        }
        for (String column : choiceFlags.keySet()) {
            if (choiceFlags.get(column).keySet().stream().anyMatch(ownNames::contains)) {
                ownColumns++;
            }
        }
        Set<String> fed = new HashSet<>(columns.values());
        fed.addAll(choiceFlags.keySet());
        boolean hasRequired = fed.containsAll(recordSet.requiredColumns());

        List<String> ignored = new ArrayList<>();
        for (String name : ownNames) {
            if (!name.isEmpty() && !columns.containsKey(name) && choiceFlags.values().stream().noneMatch(flags -> flags.containsKey(name))) {
                ignored.add(written.get(name));
            }
        }
        String fillKey = null;
        if (table.repeatName() != null) {
            fillKey = recordSet.keyColumns().stream().filter(column -> !recordSet.requiredColumns().contains(column)).findFirst().orElse(null);
        }
        Set<String> utc = new HashSet<>(UTC_COLUMNS);
        utc.retainAll(written.keySet());
        FieldExport plan = new FieldExport(container, table.name(), table.layout(), table.parentTable(), table.repeatName(), columns, choiceFlags, valueNames, utc,
                REVIEW_COLUMNS.stream().filter(written::containsKey).findFirst().orElse(null),
                SUBMISSION_KEYS.stream().filter(written::containsKey).filter(key -> !(key.equals("key") && table.layout() == FieldExport.RepeatLayout.CHILD_TABLE))
                        .findFirst().orElse(null),
                fillKey, ignored);
        return new Candidate(plan, ownColumns, hasRequired);
    }

    /** The names a column may be known by, most specific first. */
    private static List<String> candidates(String name, Optional<XlsForm> form, ExportContainer container)
    {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        form.flatMap(f -> f.field(name).or(() -> f.field(FormLibrary.lastSegment(name)))).ifPresent(field -> names.add(ColumnResolver.normalise(field.name())));
        names.add(FormLibrary.lastSegment(name));
        // Other group separators: ODK's '-', and the '.' or '-' a Kobo export may be asked for.
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '-' || name.charAt(i) == '.') {
                names.add(name.substring(i + 1));
            }
        }
        names.remove("");
        return new ArrayList<>(names);
    }

    /** The dataset a form's id or title names (a word starting with cooperative, member, training or coaching), else the one its fields cover best. */
    static Optional<RecordSet> datasetOf(XlsForm form)
    {
        for (String text : List.of(form.formId(), form.formTitle())) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                Optional<RecordSet> recordSet = RecordSet.forFileOrFolderName(word);
                if (!word.isEmpty() && recordSet.isPresent()) {
                    return recordSet;
                }
            }
        }
        Set<String> fieldNames = new HashSet<>();
        form.fields().forEach(field -> fieldNames.add(ColumnResolver.normalise(field.name())));
        RecordSet best = null;
        long bestCount = 0;
        for (RecordSet recordSet : RecordSet.values()) {
            long count = recordSet.sourceColumns().stream().filter(fieldNames::contains).count();
            if (fieldNames.containsAll(recordSet.requiredColumns()) && count > bestCount) {
                best = recordSet;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /** ODK Central: the parent of {@code form-rep.csv} is the longest other CSV name that prefixes it up to a {@code -}. */
    private static String zipParent(String table, List<String> tableNames)
    {
        String name = stripCsv(table);
        String parent = null;
        for (String other : tableNames) {
            String candidate = stripCsv(other);
            if (!other.equals(table) && name.startsWith(candidate + "-") && (parent == null || candidate.length() > stripCsv(parent).length())) {
                parent = other;
            }
        }
        return parent;
    }

    private static String stripCsv(String table)
    {
        return table.toLowerCase(Locale.ROOT).endsWith(".csv") ? table.substring(0, table.length() - 4) : table;
    }

    private static List<String> normalised(List<String> header)
    {
        return header.stream().map(ColumnResolver::normalise).toList();
    }
}
