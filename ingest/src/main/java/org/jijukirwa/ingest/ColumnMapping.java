package org.jijukirwa.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The mapping file for exports of field tools (KoboToolbox, ODK): which
 * dataset a file is and which source column feeds which contract column.
 * <pre>
 * {"files": [
 *   {"path": "kobo/coop*.csv", "dataset": "cooperatives",
 *    "columns": {"grp_coop/district": "district", "_submission_time": "updated_at"}},
 *   {"dataset": "members", "columns": {"grp_member/sex": "sex"}}
 * ]}
 * </pre>
 * Rules are tried in order; the first that fits a file applies: a rule with a
 * {@code path} (a glob over the path relative to the input folder, `**` crossing
 * folders) fits the files it matches; a rule without one fits every file of its
 * {@code dataset}. {@code dataset} is optional when the name of a matched file
 * already tells it. Source names are compared case-insensitively after trimming.
 * <p>
 * For exports of field tools two optional keys: {@code repeat} names the repeat group whose rows feed the
 * dataset (a Kobo sheet, an ODK {@code <form>-<repeat>.csv}, the legacy {@code <repeat>[n]/...} columns),
 * and {@code values} gives aliases per contract column ({@code {"topic": {"Imiyoborere": "governance"}}}),
 * for forms the programme did not ship.
 */
public final class ColumnMapping
{
    private final List<Rule> rules;

    private ColumnMapping(List<Rule> rules)
    {
        this.rules = List.copyOf(rules);
    }

    public static ColumnMapping none()
    {
        return new ColumnMapping(List.of());
    }

    public static ColumnMapping read(Path file)
    {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        }
        catch (IOException e) {
            throw new IngestException("cannot read the mapping file " + file + ": " + e.getMessage());
        }
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isArray()) {
            throw new IngestException("mapping file " + file + ": expected an object with a \"files\" array");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode entry : files) {
            Optional<String> path = Optional.ofNullable(entry.get("path")).map(JsonNode::asText);
            Optional<RecordSet> dataset = Optional.ofNullable(entry.get("dataset")).map(JsonNode::asText)
                    .map(name -> RecordSet.forDatasetName(name)
                            .orElseThrow(() -> new IngestException("mapping file " + file + ": unknown dataset '" + name + "'")));
            if (path.isEmpty() && dataset.isEmpty()) {
                throw new IngestException("mapping file " + file + ": each entry needs a \"path\" or a \"dataset\"");
            }
            Map<String, String> columns = new LinkedHashMap<>();
            JsonNode columnNode = entry.get("columns");
            if (columnNode != null) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = columnNode.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    columns.put(ColumnResolver.normalise(field.getKey()), ColumnResolver.normalise(field.getValue().asText()));
                }
            }
            Optional<String> repeat = Optional.ofNullable(entry.get("repeat")).map(JsonNode::asText).map(String::strip);
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            JsonNode valueNode = entry.get("values");
            if (valueNode != null) {
                if (!valueNode.isObject()) {
                    throw new IngestException("mapping file " + file + ": \"values\" must be an object of contract column -> {alias: value}");
                }
                for (Iterator<Map.Entry<String, JsonNode>> columnAliases = valueNode.fields(); columnAliases.hasNext(); ) {
                    Map.Entry<String, JsonNode> column = columnAliases.next();
                    Map<String, String> aliases = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> alias = column.getValue().fields(); alias.hasNext(); ) {
                        Map.Entry<String, JsonNode> pair = alias.next();
                        aliases.put(FieldRules.lower(pair.getKey().strip()), pair.getValue().asText().strip());
                    }
                    values.put(ColumnResolver.normalise(column.getKey()), aliases);
                }
            }
            rules.add(new Rule(path, dataset, columns, repeat, values));
        }
        return new ColumnMapping(rules);
    }

    /** The dataset of a file and how its columns resolve; empty when neither the mapping nor the file name tells the dataset. */
    public Optional<ResolvedFile> resolve(String relativePath, Optional<RecordSet> detected)
    {
        for (Rule rule : rules) {
            if (rule.fits(relativePath, detected)) {
                Optional<RecordSet> recordSet = rule.dataset().or(() -> detected);
                if (recordSet.isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, String> column : rule.columns().entrySet()) {
                    if (!recordSet.get().sourceColumns().contains(column.getValue())) {
                        throw new IngestException("mapping file: '" + column.getValue() + "' (fed by '" + column.getKey()
                                + "') is not a column of " + recordSet.get().datasetName());
                    }
                }
                for (String column : rule.values().keySet()) {
                    if (!recordSet.get().sourceColumns().contains(column)) {
                        throw new IngestException("mapping file: values for '" + column + "', which is not a column of " + recordSet.get().datasetName());
                    }
                }
                return Optional.of(new ResolvedFile(recordSet.get(), new ColumnResolver(rule.columns(), recordSet.get().sourceColumns()), rule.repeat(),
                        rule.values()));
            }
        }
        return detected.map(recordSet -> new ResolvedFile(recordSet, ColumnResolver.direct(recordSet)));
    }

    /** {@code repeat}: the repeat group that feeds the dataset, if the rule names one; {@code valueAliases}: contract column -> lower-case alias -> value. */
    public record ResolvedFile(RecordSet recordSet, ColumnResolver resolver, Optional<String> repeat, Map<String, Map<String, String>> valueAliases)
    {
        public ResolvedFile
        {
            requireNonNull(recordSet, "recordSet is null");
            requireNonNull(resolver, "resolver is null");
            requireNonNull(repeat, "repeat is null");
            valueAliases = Map.copyOf(valueAliases);
        }

        public ResolvedFile(RecordSet recordSet, ColumnResolver resolver)
        {
            this(recordSet, resolver, Optional.empty(), Map.of());
        }

        /** Whether the rule asks for what only the field-export reader does (a repeat, value aliases). */
        public boolean needsExportReader()
        {
            return repeat.isPresent() || !valueAliases.isEmpty();
        }
    }

    private record Rule(Optional<String> path, Optional<RecordSet> dataset, Map<String, String> columns, Optional<String> repeat,
                        Map<String, Map<String, String>> values)
    {
        boolean fits(String relativePath, Optional<RecordSet> detected)
        {
            if (path.isPresent()) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.get());
                return matcher.matches(Path.of(relativePath));
            }
            return dataset.equals(detected);
        }
    }
}
