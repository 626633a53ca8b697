package org.jijukirwa.ingest;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;

import static org.apache.spark.sql.functions.col;

/**
 * Versions and duplicates (data-contract.md), and the report's counts, in one
 * shuffle of a record set's checked rows and previous versions: rows are
 * partitioned by key and sorted within partitions, then folded key by key.
 * <p>
 * The valid rows of one key, taken in the order they were ingested (run, then
 * file, then line), are folded into the current version. A row replaces the
 * current one when its updated_at is greater or equal, or when either lacks
 * updated_at (the later row wins); an identical row (same key and values as a
 * version already seen for that key) changes nothing and is counted as
 * unchanged. Quarantined rows pass through. Each partition ends with its
 * counts by file and item (see the item names below).
 */
public final class RecordVersions
{
    /** Input flag: true for rows read by this run (counted in the report), false for retried rows and previous versions. */
    public static final String COUNTED = "counted";
    /** Output: {@link #CURRENT}, {@link #QUARANTINED} or {@link #COUNTS}. */
    public static final String OUTCOME = "outcome";
    public static final String ITEM = "item";
    public static final String COUNT = "count";

    /** A current version: the table's columns. */
    public static final String CURRENT = "current";
    /** A row that broke a rule: the table's columns as checked, reasons, raw_text and raw_values. */
    public static final String QUARANTINED = "quarantined";
    /** A count: source_file, item and count (one partition's part of the count). */
    public static final String COUNTS = "counts";

    /** Items counted per file; the other items are the quarantine reasons. */
    public static final String READ = "#read";
    public static final String VALID = "#valid";
    public static final String RELEASED = "#released";
    public static final String RETRIED = "#retried";
    public static final String CURRENT_ITEM = "#current";
    public static final String UNCHANGED = "#unchanged";

    private static final List<String> PROVENANCE = List.of("source_file", "source_line", "ingest_run");

    private RecordVersions()
    {
    }

    /**
     * {@code candidates}: the columns of {@link RecordRules#schema} and {@link #COUNTED}.
     * Returns the table's columns, reasons, raw_text, raw_values, {@link #OUTCOME}, {@link #ITEM} and {@link #COUNT}.
     */
    public static Dataset<Row> resolve(RecordSet recordSet, Dataset<Row> candidates)
    {
        StructType output = TableSchemas.schema(recordSet.table())
                .add(RecordRules.REASONS, DataTypes.createArrayType(DataTypes.StringType), true)
                .add(RecordRules.RAW_TEXT, DataTypes.StringType, true)
                .add(RecordRules.RAW_VALUES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
                .add(OUTCOME, DataTypes.StringType, false)
                .add(ITEM, DataTypes.StringType, true)
                .add(COUNT, DataTypes.LongType, true);
        List<Column> keys = recordSet.keyColumns().stream().map(name -> col(name)).toList();
        List<Column> order = new ArrayList<>(keys);
        order.add(col("ingest_run"));
        order.add(col("source_file"));
        order.add(col("source_line"));
        return candidates
                .repartition(keys.toArray(Column[]::new))
                .sortWithinPartitions(order.toArray(Column[]::new))
                .mapPartitions(new Fold(recordSet, candidates.schema()), Encoders.row(output));
    }

    private record FileItem(String file, String item)
    {
    }

    private static final class Fold
            implements MapPartitionsFunction<Row, Row>
    {
        private final int[] keyIndexes;
        private final int[] valueIndexes;
        private final int updatedAtIndex;
        private final int sourceFileIndex;
        private final int reasonsIndex;
        private final int isRetryIndex;
        private final int rawTextIndex;
        private final int rawValuesIndex;
        private final int countedIndex;
        private final int tableWidth;
        private final List<String> sourceColumns;

        Fold(RecordSet recordSet, StructType input)
        {
            List<String> tableColumns = recordSet.table().columnNames();
            this.keyIndexes = recordSet.keyColumns().stream().mapToInt(input::fieldIndex).toArray();
            this.valueIndexes = tableColumns.stream().filter(name -> !PROVENANCE.contains(name)).mapToInt(input::fieldIndex).toArray();
            this.updatedAtIndex = input.fieldIndex("updated_at");
            this.sourceFileIndex = input.fieldIndex("source_file");
            this.reasonsIndex = input.fieldIndex(RecordRules.REASONS);
            this.isRetryIndex = input.fieldIndex(RecordRules.IS_RETRY);
            this.rawTextIndex = input.fieldIndex(RecordRules.RAW_TEXT);
            this.rawValuesIndex = input.fieldIndex(RecordRules.RAW_VALUES);
            this.countedIndex = input.fieldIndex(COUNTED);
            this.tableWidth = tableColumns.size();
            this.sourceColumns = recordSet.sourceColumns();
            for (int i = 0; i < tableWidth; i++) {
                if (input.fieldIndex(tableColumns.get(i)) != i) {
                    throw new IllegalArgumentException("candidates must start with the columns of " + recordSet.table());
                }
            }
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows)
        {
            return new Partition(rows);
        }

        /** The output of one partition, produced as it is asked for: a key's current version once its last row is seen. */
        private final class Partition
                implements Iterator<Row>
        {
            private final Iterator<Row> rows;
            private final Queue<Row> ready = new ArrayDeque<>();
            private final Map<FileItem, Long> counts = new LinkedHashMap<>();
            /** The distinct valid rows of the key being folded, the first one being its first row; the current version among them. */
            private final List<Row> versions = new ArrayList<>();
            private Row current;
            private boolean finished;

            Partition(Iterator<Row> rows)
            {
                this.rows = rows;
            }

            @Override
            public boolean hasNext()
            {
                while (ready.isEmpty() && !finished) {
                    if (rows.hasNext()) {
                        take(rows.next());
                    }
                    else {
                        endKey();
                        counts.forEach((key, count) -> ready.add(counter(key.file(), key.item(), count)));
                        finished = true;
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next()
            {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.remove();
            }

            private void take(Row row)
            {
                String file = row.getString(sourceFileIndex);
                List<String> reasons = row.getList(reasonsIndex);
                boolean valid = reasons.isEmpty();
                boolean counted = row.getBoolean(countedIndex);
                if (counted) {
                    count(file, READ);
                    if (valid) {
                        count(file, VALID);
                    }
                    reasons.forEach(reason -> count(file, reason));
                }
                if (row.getBoolean(isRetryIndex)) {
                    count(file, valid ? RELEASED : RETRIED);
                }
                if (!valid) {
                    ready.add(quarantined(row));
                    return;
                }
                if (!versions.isEmpty() && !sameKey(row, versions.get(0))) {
                    endKey();
                }
                if (versions.stream().anyMatch(version -> sameValues(row, version))) {
                    if (counted) {
                        count(file, UNCHANGED);
                    }
                    return;
                }
                versions.add(row);
                if (current == null || replaces(row, current)) {
                    current = row;
                }
            }

            private void endKey()
            {
                if (current != null) {
                    count(current.getString(sourceFileIndex), CURRENT_ITEM);
                    ready.add(currentRow(current));
                }
                versions.clear();
                current = null;
            }

            private void count(String file, String item)
            {
                counts.merge(new FileItem(file, item), 1L, Long::sum);
            }
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
            return equalAt(left, right, keyIndexes);
        }

        private boolean sameValues(Row left, Row right)
        {
            return equalAt(left, right, valueIndexes);
        }

        private static boolean equalAt(Row left, Row right, int[] indexes)
        {
            for (int index : indexes) {
                if (!Objects.deepEquals(left.get(index), right.get(index))) {
                    return false;
                }
            }
            return true;
        }

        private Row currentRow(Row row)
        {
            Object[] values = tableColumns(row);
            values[tableWidth + 3] = CURRENT;
            return RowFactory.create(values);
        }

        private Row quarantined(Row row)
        {
            Object[] values = tableColumns(row);
            values[tableWidth] = row.get(reasonsIndex);
            values[tableWidth + 1] = row.get(rawTextIndex);
            values[tableWidth + 2] = row.isNullAt(rawValuesIndex) ? null : inSourceOrder(row.getJavaMap(rawValuesIndex));
            values[tableWidth + 3] = QUARANTINED;
            return RowFactory.create(values);
        }

        /** Raw values in the record set's column order, as the checker made them (a map read back from Spark loses its order). */
        private scala.collection.Map<String, String> inSourceOrder(Map<String, String> rawValues)
        {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String column : sourceColumns) {
                String value = rawValues.get(column);
                if (value != null) {
                    ordered.put(column, value);
                }
            }
            return scala.jdk.javaapi.CollectionConverters.asScala(ordered);
        }

        private Row counter(String file, String item, long count)
        {
            Object[] values = new Object[tableWidth + 6];
            values[sourceFileIndex] = file;
            values[tableWidth + 3] = COUNTS;
            values[tableWidth + 4] = item;
            values[tableWidth + 5] = count;
            return RowFactory.create(values);
        }

        private Object[] tableColumns(Row row)
        {
            Object[] values = new Object[tableWidth + 6];
            for (int i = 0; i < tableWidth; i++) {
                values[i] = row.get(i);
            }
            return values;
        }
    }
}
