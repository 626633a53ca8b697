package org.jijukirwa.ingest;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * Versions and duplicates (data-contract.md): the rows of one key, taken in
 * the order they were ingested (run, then file, then line), are folded into
 * the current version. A row replaces the current one when its updated_at is
 * greater or equal, or when either lacks updated_at (the later row wins); an
 * identical row (same key and values as a version already seen for that key)
 * changes nothing and is counted as unchanged. One shuffle: rows are
 * partitioned by key and sorted within partitions, then folded key by key.
 */
public final class RecordVersions
{
    /** Candidates carry this flag: true for rows read by this run (counted in the report). */
    public static final String COUNTED = "counted";
    /** Output: "current" for a current version, "unchanged" for a count of unchanged rows of one file. */
    public static final String OUTCOME = "outcome";
    public static final String UNCHANGED_COUNT = "unchanged_count";
    public static final String CURRENT = "current";
    public static final String UNCHANGED = "unchanged";

    private static final List<String> PROVENANCE = List.of("source_file", "source_line", "ingest_run");

    private RecordVersions()
    {
    }

    /**
     * {@code candidates}: the layout table's columns and {@link #COUNTED}.
     * Returns the table's columns, {@link #OUTCOME} and {@link #UNCHANGED_COUNT}.
     */
    public static Dataset<Row> resolve(RecordSet recordSet, Dataset<Row> candidates)
    {
        StructType input = candidates.schema();
        StructType output = TableSchemas.schema(recordSet.table())
                .add(OUTCOME, DataTypes.StringType, false)
                .add(UNCHANGED_COUNT, DataTypes.LongType, true);
        List<Column> keys = recordSet.keyColumns().stream().map(name -> col(name)).toList();
        List<Column> order = new ArrayList<>(keys);
        order.add(col("ingest_run"));
        order.add(col("source_file"));
        order.add(col("source_line"));
        return candidates
                .repartition(keys.toArray(Column[]::new))
                .sortWithinPartitions(order.toArray(Column[]::new))
                .mapPartitions(new Fold(recordSet, input), Encoders.row(output));
    }

    private static final class Fold
            implements MapPartitionsFunction<Row, Row>
    {
        private final int[] keyIndexes;
        private final int[] valueIndexes;
        private final int updatedAtIndex;
        private final int sourceFileIndex;
        private final int countedIndex;
        private final int tableWidth;

        Fold(RecordSet recordSet, StructType input)
        {
            List<String> tableColumns = recordSet.table().columnNames();
            this.keyIndexes = recordSet.keyColumns().stream().mapToInt(input::fieldIndex).toArray();
            this.valueIndexes = tableColumns.stream().filter(name -> !PROVENANCE.contains(name)).mapToInt(input::fieldIndex).toArray();
            this.updatedAtIndex = input.fieldIndex("updated_at");
            this.sourceFileIndex = input.fieldIndex("source_file");
            this.countedIndex = input.fieldIndex(COUNTED);
            this.tableWidth = tableColumns.size();
            for (int i = 0; i < tableWidth; i++) {
                if (input.fieldIndex(tableColumns.get(i)) != i) {
                    throw new IllegalArgumentException("candidates must start with the columns of " + recordSet.table());
                }
            }
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows)
        {
            return new Iterator<>()
            {
                private final Map<String, Long> unchangedByFile = new LinkedHashMap<>();
                private Row pending = rows.hasNext() ? rows.next() : null;
                private Iterator<Row> counters;

                @Override
                public boolean hasNext()
                {
                    if (pending != null) {
                        return true;
                    }
                    if (counters == null) {
                        List<Row> counterRows = new ArrayList<>();
                        unchangedByFile.forEach((file, count) -> counterRows.add(counter(file, count)));
                        counters = counterRows.iterator();
                    }
                    return counters.hasNext();
                }

                @Override
                public Row next()
                {
                    if (pending == null) {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return counters.next();
                    }
                    // Fold the rows of one key; the next key's first row stays pending.
                    Row first = pending;
                    Row current = null;
                    Set<List<Object>> seen = new HashSet<>();
                    Row row = first;
                    while (true) {
                        List<Object> values = values(row);
                        boolean counted = row.getBoolean(countedIndex);
                        if (!seen.add(values)) {
                            if (counted) {
                                unchangedByFile.merge(row.getString(sourceFileIndex), 1L, Long::sum);
                            }
                        }
                        else if (current == null || replaces(row, current)) {
                            current = row;
                        }
                        if (!rows.hasNext()) {
                            pending = null;
                            break;
                        }
                        row = rows.next();
                        if (!sameKey(row, first)) {
                            pending = row;
                            break;
                        }
                    }
                    return currentRow(current);
                }
            };
        }

        private boolean replaces(Row row, Row current)
        {
            if (row.isNullAt(updatedAtIndex) || current.isNullAt(updatedAtIndex)) {
                return true;
            }
            @SuppressWarnings("unchecked")
            Comparable<Object> updatedAt = (Comparable<Object>) row.get(updatedAtIndex);
            return updatedAt.compareTo(current.get(updatedAtIndex)) >= 0;
        }

        private boolean sameKey(Row left, Row right)
        {
            for (int index : keyIndexes) {
                if (!Objects.equals(left.get(index), right.get(index))) {
                    return false;
                }
            }
            return true;
        }

        private List<Object> values(Row row)
        {
            List<Object> values = new ArrayList<>(valueIndexes.length);
            for (int index : valueIndexes) {
                values.add(row.get(index));
            }
            return values;
        }

        private Row currentRow(Row row)
        {
            Object[] values = new Object[tableWidth + 2];
            for (int i = 0; i < tableWidth; i++) {
                values[i] = row.get(i);
            }
            values[tableWidth] = CURRENT;
            return RowFactory.create(values);
        }

        private Row counter(String file, long count)
        {
            Object[] values = new Object[tableWidth + 2];
            values[sourceFileIndex] = file;
            values[tableWidth] = UNCHANGED;
            values[tableWidth + 1] = count;
            return RowFactory.create(values);
        }
    }
}
