package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of one table of a field tool's export ({@link FieldExport}), as rows of
 * {@link FieldRecordReader#schema}: repeat rows joined to their parent's fields, numbered repeat columns
 * unpivoted, values cleaned ({@link ExportValues}), labels turned into choice names, split select_multiple
 * columns joined, and a rejected review state flagged.
 * <p>
 * Repeat-row key: a repeat row whose optional key column is empty (an attendee without member code) gets
 * {@code uuid:<submission instance id>/<repeat>[<n>]}, n counting from 1 within its submission (ODK's own
 * repeat KEY has this form), so two such attendees of one session stay apart and a re-export keeps them.
 */
final class FieldExportRows
        implements Iterator<Row>, Closeable
{
    /** {@code attendee[2]/member_id}, possibly inside groups: prefix, repeat name, number, inner name. */
    static final Pattern NUMBERED = Pattern.compile("(.*?)([^/\\[\\]]+)\\[(\\d+)\\]/(.+)");
    private static final String KOBO_INDEX = "_index";
    private static final String KOBO_PARENT_INDEX = "_parent_index";
    private static final String ODK_KEY = "key";
    private static final String ODK_PARENT_KEY = "parent_key";

    private final InputFile file;
    private final FieldExport plan;
    private final String sourceName;
    private final Map<String, Integer> contractIndexes = new HashMap<>();
    private final int width;
    private final Deque<Row> pending = new ArrayDeque<>();
    private ExportTable table;
    private List<String> header;
    private List<String> parentHeader = List.of();
    private Map<String, List<String>> parents = Map.of();
    private int childJoinIndex = -1;
    private int childKeyIndex = -1;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<Integer> plainColumns = new ArrayList<>();
    private final TreeMap<Integer, Map<String, Integer>> numbered = new TreeMap<>();
    private boolean firstRow = true;
    private boolean finished;

    FieldExportRows(InputFile file)
    {
        this.file = file;
        this.plan = file.fieldExport();
        this.sourceName = file.relativePath();
        List<String> columns = file.recordSet().sourceColumns();
        this.width = FieldRecordReader.VALUES_OFFSET + columns.size();
        for (int i = 0; i < columns.size(); i++) {
            contractIndexes.put(columns.get(i), FieldRecordReader.VALUES_OFFSET + i);
        }
    }

    @Override
    public boolean hasNext()
    {
        while (pending.isEmpty() && !finished) {
            try {
                if (table == null) {
                    open();
                }
                ExportRow row = table.next();
                if (row == null) {
                    finished = true;
                    close();
                }
                else {
                    emit(row);
                }
            }
            catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read " + sourceName, e);
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public Row next()
    {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.removeFirst();
    }

    private void open()
            throws IOException
    {
        Path path = Path.of(file.absolutePath());
        if (plan.layout() == FieldExport.RepeatLayout.CHILD_TABLE && plan.parentTable() != null) {
            loadParents(path);
        }
        table = plan.container().open(path, plan.table());
        header = table.header().stream().map(ColumnResolver::normalise).toList();
        if (plan.layout() == FieldExport.RepeatLayout.CHILD_TABLE) {
            childJoinIndex = header.indexOf(header.contains(KOBO_PARENT_INDEX) ? KOBO_PARENT_INDEX : ODK_PARENT_KEY);
            childKeyIndex = header.indexOf(ODK_KEY);
        }
        if (plan.layout() == FieldExport.RepeatLayout.NUMBERED_COLUMNS) {
            for (int i = 0; i < header.size(); i++) {
                Matcher matcher = NUMBERED.matcher(header.get(i));
                if (matcher.matches() && matcher.group(2).equals(plan.repeatName())) {
                    numbered.computeIfAbsent(Integer.parseInt(matcher.group(3)), n -> new LinkedHashMap<>()).put(matcher.group(4), i);
                }
                else {
                    plainColumns.add(i);
                }
            }
        }
    }

    /** The parent table's rows by their join value (Kobo {@code _index}, ODK {@code KEY}). */
    private void loadParents(Path path)
            throws IOException
    {
        Map<String, List<String>> rows = new HashMap<>();
        try (ExportTable parent = plan.container().open(path, plan.parentTable())) {
            parentHeader = parent.header().stream().map(ColumnResolver::normalise).toList();
            int join = parentHeader.indexOf(parentHeader.contains(KOBO_INDEX) ? KOBO_INDEX : ODK_KEY);
            if (join >= 0) {
                for (ExportRow row = parent.next(); row != null; row = parent.next()) {
                    String key = ExportValues.clean(row.cell(join), false);
                    if (key != null) {
                        rows.putIfAbsent(key, row.cells());
                    }
                }
            }
        }
        parents = rows;
    }

    private void emit(ExportRow row)
    {
        if (firstRow) {
            firstRow = false;
            if (isHashtagRow(row)) {
                return;
            }
        }
        boolean malformed = row.malformed() || plan.container() != ExportContainer.XLSX && row.cells().size() != header.size();
        if (malformed) {
            pending.add(output(row, Map.of(), true, null));
            return;
        }
        switch (plan.layout()) {
            case NONE -> pending.add(output(row, own(row), false, null));
            case CHILD_TABLE -> {
                Map<String, String> values = new HashMap<>();
                String join = childJoinIndex < 0 ? null : ExportValues.clean(row.cell(childJoinIndex), false);
                List<String> parent = join == null ? null : parents.get(join);
                if (parent != null) {
                    for (int i = 0; i < parentHeader.size(); i++) {
                        values.put(parentHeader.get(i), i < parent.size() ? parent.get(i) : null);
                    }
                }
                values.putAll(own(row));
                String repeatKey;
                if (childKeyIndex >= 0 && ExportValues.clean(row.cell(childKeyIndex), false) != null) {
                    repeatKey = ExportValues.clean(row.cell(childKeyIndex), false);
                }
                else {
                    int position = positions.merge(join == null ? "" : join, 1, Integer::sum);
                    repeatKey = submissionKey(values, row) + "/" + plan.repeatName() + "[" + position + "]";
                }
                pending.add(output(row, values, false, repeatKey));
            }
            case NUMBERED_COLUMNS -> {
                Map<String, String> shared = new HashMap<>();
                for (int i : plainColumns) {
                    shared.put(header.get(i), row.cell(i));
                }
                for (Map.Entry<Integer, Map<String, Integer>> repeat : numbered.entrySet()) {
                    Map<String, String> values = new HashMap<>(shared);
                    boolean any = false;
                    for (Map.Entry<String, Integer> column : repeat.getValue().entrySet()) {
                        String value = row.cell(column.getValue());
                        any |= ExportValues.clean(value, false) != null;
                        values.put(column.getKey(), value);
                    }
                    if (any) {
                        pending.add(output(row, values, false, submissionKey(values, row) + "/" + plan.repeatName() + "[" + repeat.getKey() + "]"));
                    }
                }
            }
        }
    }

    private Map<String, String> own(ExportRow row)
    {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), row.cell(i));
        }
        return values;
    }

    private String submissionKey(Map<String, String> values, ExportRow row)
    {
        String key = plan.submissionKeyColumn() == null ? null : ExportValues.clean(values.get(plan.submissionKeyColumn()), false);
        if (key == null) {
            return sourceName + ":" + row.line();
        }
        return key.startsWith("uuid:") ? key : "uuid:" + key;
    }

    private Row output(ExportRow row, Map<String, String> values, boolean malformed, String repeatKey)
    {
        Object[] output = new Object[width];
        output[0] = sourceName;
        output[1] = row.line();
        output[2] = row.rawText();
        output[3] = malformed;
        output[4] = false;
        if (malformed) {
            return RowFactory.create(output);
        }
        for (Map.Entry<String, String> column : plan.columns().entrySet()) {
            if (values.containsKey(column.getKey())) {
                String value = ExportValues.clean(values.get(column.getKey()), plan.utcColumns().contains(column.getKey()));
                output[contractIndexes.get(column.getValue())] = value;
            }
        }
        plan.choiceFlags().forEach((contract, flags) -> {
            int index = contractIndexes.get(contract);
            if (output[index] == null) {
                List<String> names = new ArrayList<>();
                flags.forEach((column, choice) -> {
                    if (ExportValues.ticked(ExportValues.clean(values.get(column), false))) {
                        names.add(choice);
                    }
                });
                output[index] = names.isEmpty() ? null : String.join(" ", names);
            }
        });
        plan.valueNames().forEach((contract, names) -> {
            int index = contractIndexes.get(contract);
            if (output[index] != null) {
                output[index] = ChoiceNames.translate((String) output[index], names, contract.equals("topics"));
            }
        });
        if (plan.reviewColumn() != null) {
            output[4] = ReviewState.isRejected(ExportValues.clean(values.get(plan.reviewColumn()), false));
        }
        if (repeatKey != null && plan.fillKeyColumn() != null && output[contractIndexes.get(plan.fillKeyColumn())] == null) {
            output[contractIndexes.get(plan.fillKeyColumn())] = repeatKey;
        }
        return RowFactory.create(output);
    }

    /** An HXL hashtag row (Kobo's optional second header line): every filled cell starts with '#'. */
    private static boolean isHashtagRow(ExportRow row)
    {
        boolean any = false;
        for (String cell : row.cells()) {
            String text = FieldRules.text(cell);
            if (text != null) {
                if (text.charAt(0) != '#') {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    @Override
    public void close()
    {
        if (table == null) {
            return;
        }
        try {
            table.close();
        }
        catch (IOException ignored) {
            // nothing left to read from it
        }
        table = null;
        finished = true;
    }
}
