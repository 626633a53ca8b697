package org.jijukirwa.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jijukirwa.ingest.CsvRecordParser;

/** The data files of a generated data set, by dataset (the folder that holds them), as the bare copies read them. */
final class InputFiles
{
    private InputFiles()
    {
    }

    record DataFile(Path path, boolean json, char separator)
    {
    }

    static Map<String, List<DataFile>> byDataset(Path input)
    {
        try (Stream<Path> paths = Files.walk(input)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".csv") || path.toString().endsWith(".jsonl"))
                    .sorted()
                    .map(InputFiles::dataFile)
                    .collect(Collectors.groupingBy(file -> file.path().getParent().getFileName().toString(), TreeMap::new, Collectors.toList()));
        }
        catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot list " + input, e);
        }
    }

    private static DataFile dataFile(Path path)
    {
        if (path.toString().endsWith(".jsonl")) {
            return new DataFile(path, true, ',');
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            return new DataFile(path, false, CsvRecordParser.detectSeparator(header == null ? "" : header));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
