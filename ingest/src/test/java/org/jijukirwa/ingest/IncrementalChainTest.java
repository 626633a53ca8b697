package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.jijukirwa.warehouse.Warehouse;
import org.jijukirwa.warehouse.WarehouseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain of incremental runs over the worked example's messy files, brought in one or two at a time (late
 * versions, a re-export, members and visits of cooperatives that arrive two runs later), against
 * <ul>
 *   <li>the same chain run the way runs were before they were incremental (every version folded again, every
 *       table rewritten): the same run reports, run by run, and the same tables;</li>
 *   <li>one run over all the files: the same tables and the same figures, as the warehouse's DuckDB builds them.</li>
 * </ul>
 */
class IncrementalChainTest
{
    private static final Path RAW = WorkedExampleTest.EXAMPLE.resolve("raw");
    private static final List<Table> RECORD_TABLES = List.of(Table.COOPERATIVES, Table.MEMBERS, Table.TRAININGS, Table.COACHING);

    /** The chain's steps: files in the order they arrive; each file's name sorts after those of earlier steps. */
    private static final List<List<String>> STEPS = List.of(
            List.of("cooperatives/cooperatives_2019.csv", "members/members_2019.csv", "coaching/coaching_2019.csv"),
            // members and attendances of cooperatives that only the 2020 export brings: quarantined, then released
            List.of("members/members_2020.csv", "trainings/trainings.csv"),
            List.of("cooperatives/cooperatives_2020.csv"),
            List.of("coaching/coaching_2020.jsonl"));

    @TempDir
    Path folder;

    @Test
    void aChainOfIncrementalRunsEqualsTheChainRewrittenAndOneRunOverAllTheFiles()
            throws IOException, SQLException
    {
        IngestFixture incremental = new IngestFixture(folder.resolve("incremental"));
        IngestFixture rewritten = new IngestFixture(folder.resolve("rewritten"));
        IngestFixture oneRun = new IngestFixture(folder.resolve("one-run"));
        List<String> incrementalRuns = new ArrayList<>();
        List<String> rewrittenRuns = new ArrayList<>();
        List<List<String>> steps = new ArrayList<>(STEPS);
        // a re-export of the 2019 members with one late version: unchanged rows, and a new version of one key
        String reExport = Files.readString(RAW.resolve("members/members_2019.csv"))
                .replace("MBR-GAS-0001-002,COOP-GAS-0001,1198281470896022,Mukeshimana Jean,+250787813291,,1982,0,2019-07-25,,2019-07-25",
                        "MBR-GAS-0001-002,COOP-GAS-0001,1198281470896022,Mukeshimana Jean,+250787813291,M,1982,0,2019-07-25,2020-03-01,2020-03-01");
        assertThat(reExport).contains("2020-03-01");
        steps.add(List.of("members/members_2021_reexport.csv"));

        for (List<String> step : steps) {
            for (String file : step) {
                for (IngestFixture fixture : List.of(incremental, rewritten, oneRun)) {
                    if (file.endsWith("reexport.csv")) {
                        fixture.write(file, reExport);
                    }
                    else {
                        fixture.write(file, Files.readString(RAW.resolve(file)));
                    }
                }
            }
            RunReport fast = incremental.run();
            RunReport slow = new IngestJob(SparkTestSession.get(), Clock.systemUTC(), RunProgress.silent(), true).run(rewritten.options());
            incrementalRuns.add(fast.snapshotId());
            rewrittenRuns.add(slow.snapshotId());
            assertThat(fast.published()).isTrue();
            assertThat(fast.datasets()).isEqualTo(slow.datasets());
            assertThat(fast.warnings()).isEqualTo(slow.warnings());
            for (Table table : RECORD_TABLES) {
                assertThat(rows(incremental, table, incrementalRuns)).as(table.tableName()).isEqualTo(rows(rewritten, table, rewrittenRuns));
            }
            assertThat(rows(incremental, Table.QUARANTINE, incrementalRuns)).isEqualTo(rows(rewritten, Table.QUARANTINE, rewrittenRuns));
        }
        // the last runs carried files of earlier snapshots instead of rewriting them
        assertThat(linkedFiles(incremental)).isPositive();
        assertThat(linkedFiles(rewritten)).isZero();

        RunReport all = oneRun.run();
        RunReport last = incremental.run(); // nothing new: its counts are the current keys
        for (Map.Entry<String, RunReport.DatasetReport> dataset : all.datasets().entrySet()) {
            assertThat(last.datasets().get(dataset.getKey()).currentKeys()).as(dataset.getKey()).isEqualTo(dataset.getValue().currentKeys());
        }
        for (Table table : RECORD_TABLES) {
            assertThat(withoutRun(incremental, table)).as(table.tableName()).isEqualTo(withoutRun(oneRun, table));
        }
        assertThat(figures(incremental)).isEqualTo(figures(oneRun));
    }

    /** A table's rows as text, sorted, each run id replaced by the run's place in the chain. */
    private static List<String> rows(IngestFixture fixture, Table table, List<String> runs)
    {
        return fixture.current(table).stream()
                .map(row -> {
                    String text = row.toString();
                    for (int index = 0; index < runs.size(); index++) {
                        text = text.replace(runs.get(index), "run-" + index);
                    }
                    return text;
                })
                .sorted()
                .toList();
    }

    /** A record table's rows without the run that ingested them (one run over all the files is one run id). */
    private static List<String> withoutRun(IngestFixture fixture, Table table)
    {
        return fixture.current(table).stream()
                .map(row -> {
                    List<Object> values = new ArrayList<>();
                    for (int index = 0; index < row.size(); index++) {
                        if (!row.schema().fields()[index].name().equals("ingest_run")) {
                            values.add(row.get(index));
                        }
                    }
                    return values.toString();
                })
                .sorted()
                .toList();
    }

    /** Table files of the current snapshot that are hard links to a file of an earlier one. */
    private static long linkedFiles(IngestFixture fixture)
            throws IOException
    {
        WarehouseDirectory warehouse = fixture.warehouse();
        String id = warehouse.currentSnapshotId().orElseThrow();
        try (Stream<Path> files = Files.walk(warehouse.snapshot(id))) {
            return files.filter(path -> path.toString().endsWith(".parquet")).filter(path -> {
                try {
                    return ((Integer) Files.getAttribute(path, "unix:nlink")) > 1;
                }
                catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
    }

    /** Every table the served snapshot's models built (the dimensions and the aggregates the indicators read), row by row. */
    private static Map<String, List<String>> figures(IngestFixture fixture)
            throws SQLException
    {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Warehouse warehouse = Warehouse.open(fixture.warehouse().root(), WarehouseSettings.defaults());
                Connection connection = warehouse.connectToSnapshot();
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(
                    "select table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema = 'main' order by table_name")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            assertThat(names).contains("agg_membership_states", "agg_sessions", "agg_coaching_visits");
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select * from " + name)) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            row.append(columns.getColumnName(column)).append('=').append(result.getString(column)).append(' ');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                assertThat(rows).as(name).isNotNull();
                tables.put(name, rows);
            }
        }
        assertThat(tables.get("agg_membership_states")).isNotEmpty();
        return tables;
    }

}
