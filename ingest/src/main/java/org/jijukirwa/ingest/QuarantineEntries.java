package org.jijukirwa.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jijukirwa.layout.QuarantineReason;
import org.jijukirwa.layout.Table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

/**
 * The quarantine keeps one entry per distinct rejected row: same dataset, same raw values (the raw text for a
 * malformed row) and same reasons. An entry keeps where it was first seen (source_file, source_line, ingest_run:
 * the row a retry reads again), where it was last seen, and how many times. A re-export that repeats a bad row
 * updates its entry instead of adding one.
 */
final class QuarantineEntries
{
    /** Per entry: how many of this run's quarantined rows repeat an entry that already existed (or came earlier in the run). */
    static final String REPEATS = "repeats";

    private static final List<String> IDENTITY = List.of("dataset", "source_file", "source_line", "ingest_run");

    private QuarantineEntries()
    {
    }

    /** Entries whose rows are tried again on every run: they name an unknown cooperative. */
    static Column retryable()
    {
        return coalesce(array_contains(col("reasons"), QuarantineReason.UNKNOWN_COOPERATIVE.code()), lit(false));
    }

    /**
     * The new quarantine: the previous entries that were not retried, the retried entries that failed again (with the
     * reasons they got now), and the rows this run quarantined, folded into one entry per distinct row.
     * {@code quarantined}: per record set, dataset, source_file, source_line, raw_text, raw_values, reasons, ingest_run;
     * retried rows keep the place (and run) they were first seen at, the run's own rows carry {@code runId}.
     * Returns the columns of {@link Table#QUARANTINE} and {@link #REPEATS}.
     */
    static Dataset<Row> merge(Dataset<Row> previous, List<Dataset<Row>> quarantined, String runId)
    {
        Dataset<Row> entries = withSightings(previous);
        Dataset<Row> rows = quarantined.get(0);
        for (Dataset<Row> more : quarantined.subList(1, quarantined.size())) {
            rows = rows.unionByName(more);
        }
        Column ownRow = col("ingest_run").equalTo(lit(runId));
        Dataset<Row> retriedAgain = entries.filter(retryable()).drop("reasons")
                .join(rows.filter(not(ownRow)).select(col("dataset"), col("source_file"), col("source_line"), col("ingest_run"), col("reasons")),
                        scala.jdk.javaapi.CollectionConverters.asScala(IDENTITY).toSeq());
        Dataset<Row> seenNow = rows.filter(ownRow)
                .withColumn("last_seen_run", col("ingest_run"))
                .withColumn("last_seen_file", col("source_file"))
                .withColumn("last_seen_line", col("source_line"))
                .withColumn("times_seen", lit(1L))
                .withColumn("is_new", lit(true));
        Dataset<Row> all = entries.filter(not(retryable())).withColumn("is_new", lit(false))
                .unionByName(retriedAgain.withColumn("is_new", lit(false)))
                .unionByName(seenNow);

        Column content = when(array_contains(col("reasons"), QuarantineReason.MALFORMED_ROW.code()), col("raw_text"))
                .otherwise(coalesce(to_json(array_sort(map_entries(col("raw_values")))), col("raw_text")));
        Column first = struct(col("ingest_run"), col("source_file"), col("source_line"));
        Column last = struct(col("last_seen_run"), col("last_seen_file"), col("last_seen_line"));
        Dataset<Row> merged = all
                .groupBy(col("dataset"), content.as("content"), array_join(array_sort(col("reasons")), ",").as("reasons_key"))
                .agg(min_by(struct(col("source_file"), col("source_line"), col("raw_text"), col("raw_values"), col("reasons"), col("ingest_run")), first).as("first"),
                        max_by(last, last).as("last"),
                        sum(col("times_seen")).as("times_seen"),
                        count(when(col("is_new"), lit(1))).as("new_rows"),
                        max(not(col("is_new"))).as("existed"));
        return merged.select(
                col("dataset"),
                col("first.source_file").as("source_file"),
                col("first.source_line").as("source_line"),
                col("first.raw_text").as("raw_text"),
                col("first.raw_values").as("raw_values"),
                col("first.reasons").as("reasons"),
                col("first.ingest_run").as("ingest_run"),
                col("last.last_seen_run").as("last_seen_run"),
                col("last.last_seen_file").as("last_seen_file"),
                col("last.last_seen_line").as("last_seen_line"),
                col("times_seen"),
                // the run's rows that found their entry already there: all of them if it existed, all but one if not
                greatest(lit(0L), col("new_rows").minus(when(col("existed"), lit(0L)).otherwise(lit(1L)))).as(REPEATS));
    }

    /** Entries and repeats per dataset, from {@link #merge}'s output. */
    static Counts counts(Dataset<Row> merged)
    {
        Map<String, Long> entries = new TreeMap<>();
        Map<String, Long> repeats = new TreeMap<>();
        for (Row row : merged.groupBy("dataset").agg(count(lit(1)), sum(col(REPEATS))).collectAsList()) {
            entries.put(row.getString(0), row.getLong(1));
            repeats.put(row.getString(0), row.isNullAt(2) ? 0L : row.getLong(2));
        }
        return new Counts(entries.values().stream().mapToLong(Long::longValue).sum(), repeats);
    }

    /** Snapshots written before entries kept their sightings have nulls there: an entry was then seen once, where it was first seen. */
    private static Dataset<Row> withSightings(Dataset<Row> previous)
    {
        return previous
                .withColumn("last_seen_run", coalesce(col("last_seen_run"), col("ingest_run")))
                .withColumn("last_seen_file", coalesce(col("last_seen_file"), col("source_file")))
                .withColumn("last_seen_line", coalesce(col("last_seen_line"), col("source_line")))
                .withColumn("times_seen", coalesce(col("times_seen"), lit(1L)));
    }

    /** {@code entries}: all entries of the new quarantine; {@code repeats}: per dataset, the run's quarantined rows already there. */
    record Counts(long entries, Map<String, Long> repeats)
    {
        Counts
        {
            repeats = Map.copyOf(repeats);
        }
    }
}
