package org.jijukirwa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bare DuckDB baseline: {@code --input DIR --output DIR}. One {@code COPY ... TO ... (FORMAT parquet)}
 * per dataset over all its files (read_csv with every column VARCHAR, read_json for JSON Lines, unioned by
 * name); rows DuckDB's reader cannot parse are skipped (ignore_errors), nothing else is checked. Prints
 * the seconds of work and the rows copied.
 */
public final class DuckDbCopyMain
{
    private DuckDbCopyMain()
    {
    }

    public static void main(String[] args)
            throws Exception
    {
        Path input = Path.of(SparkCopyMain.option(args, "--input"));
        Path output = Path.of(SparkCopyMain.option(args, "--output"));
        Files.createDirectories(output);
        long started = System.nanoTime();
        long rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, List<InputFiles.DataFile>> dataset : InputFiles.byDataset(input).entrySet()) {
                List<String> selects = new ArrayList<>();
                for (InputFiles.DataFile file : dataset.getValue()) {
                    String path = quote(file.path().toString());
                    selects.add(file.json()
                            ? "select * from read_json(" + path + ", format = 'newline_delimited', ignore_errors = true)"
                            : "select * from read_csv(" + path + ", header = true, delim = " + quote(String.valueOf(file.separator()))
                                    + ", all_varchar = true, ignore_errors = true)");
                }
                String sql = "copy (" + selects.stream().collect(Collectors.joining(" union all by name ")) + ") to "
                        + quote(output.resolve(dataset.getKey() + ".parquet").toString()) + " (format parquet)";
                statement.execute(sql);
                rows += statement.getUpdateCount();
            }
        }
        System.out.printf("work_seconds=%.3f%nrows=%d%n", (System.nanoTime() - started) / 1e9, rows);
    }

    private static String quote(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
