package org.jijukirwa.dashboard.targets;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference tables bundled with the server (the repository's {@code reference/}, the same files the ingest
 * bundles): the districts a target may name, the target names the bundled targets file defines, and the files a
 * run's reference folder is made of. Each file is a plain CSV without quotes.
 */
@Singleton
public final class BundledReference
{
    static final String DISTRICTS_FILE = "districts.csv";
    static final String VALUE_CHAINS_FILE = "value_chains.csv";
    static final String TOPICS_FILE = "topics.csv";
    static final String TARGETS_FILE = "targets.csv";
    static final String TARGETS_HEADER = "target,district_code,value";

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    /** NISR code -> English name, in NISR order. */
    private final Map<String, String> districts = new LinkedHashMap<>();
    private final List<ProgrammeTarget> targets = new ArrayList<>();
    private final Set<String> targetNames = new LinkedHashSet<>();

    public BundledReference()
    {
        for (String name : List.of(DISTRICTS_FILE, VALUE_CHAINS_FILE, TOPICS_FILE, TARGETS_FILE)) {
            files.put(name, read(name));
        }
        for (List<String> row : rows(DISTRICTS_FILE)) {
            districts.put(row.get(0), row.get(1));
        }
        for (List<String> row : rows(TARGETS_FILE)) {
            targets.add(new ProgrammeTarget(row.get(0), row.get(1).isEmpty() ? null : row.get(1), Math.round(Double.parseDouble(row.get(2)))));
            targetNames.add(row.get(0));
        }
    }

    /** NISR code -> English name of every district, in NISR order. */
    public Map<String, String> districts()
    {
        return Map.copyOf(districts);
    }

    List<String> districtCodes()
    {
        return List.copyOf(districts.keySet());
    }

    String districtName(String code)
    {
        return districts.get(code);
    }

    /** The targets a programme can set: those the bundled targets file names, in its order. */
    public List<String> targetNames()
    {
        return List.copyOf(targetNames);
    }

    /** The bundled targets, in the file's order. */
    public List<ProgrammeTarget> targets()
    {
        return List.copyOf(targets);
    }

    byte[] targetsFile()
    {
        return files.get(TARGETS_FILE).clone();
    }

    /** Writes the bundled districts, value chains and topics into {@code folder}, and {@code targetsCsv} as its targets file. */
    void writeFolder(Path folder, byte[] targetsCsv)
            throws IOException
    {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getKey().equals(TARGETS_FILE) ? targetsCsv : file.getValue());
        }
    }

    private List<List<String>> rows(String name)
    {
        List<String> lines = new String(files.get(name), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        return lines.stream().skip(1).map(line -> List.of(line.split(",", -1)).stream().map(String::strip).toList()).toList();
    }

    private static byte[] read(String name)
    {
        try (InputStream in = BundledReference.class.getResourceAsStream("bundled/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled reference file " + name + " is missing from the server's class path");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
