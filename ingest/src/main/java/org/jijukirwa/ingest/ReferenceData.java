package org.jijukirwa.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.jijukirwa.layout.Table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The reference tables a run validates against (districts, value chains,
 * topics, targets): editable CSV files, bundled in the jar under
 * {@code reference/} and replaceable by a folder given at run time.
 */
public record ReferenceData(List<District> districts, List<ValueChain> valueChains, List<Topic> topics, List<Target> targets)
{
    public static final String DISTRICTS_FILE = "districts.csv";
    public static final String VALUE_CHAINS_FILE = "value_chains.csv";
    public static final String TOPICS_FILE = "topics.csv";
    public static final String TARGETS_FILE = "targets.csv";

    public ReferenceData
    {
        districts = List.copyOf(districts);
        valueChains = List.copyOf(valueChains);
        topics = List.copyOf(topics);
        targets = List.copyOf(targets);
    }

    public record District(String code, String name, String provinceCode, String province)
    {
        public District
        {
            requireNonNull(code, "code is null");
            requireNonNull(name, "name is null");
            requireNonNull(provinceCode, "provinceCode is null");
            requireNonNull(province, "province is null");
        }
    }

    public record ValueChain(String code, String label)
    {
        public ValueChain
        {
            requireNonNull(code, "code is null");
            requireNonNull(label, "label is null");
        }
    }

    public record Topic(String code, String label)
    {
        public Topic
        {
            requireNonNull(code, "code is null");
            requireNonNull(label, "label is null");
        }
    }

    /** A target; an empty district code means programme-wide. */
    public record Target(String target, Optional<String> districtCode, double value)
    {
        public Target
        {
            requireNonNull(target, "target is null");
            requireNonNull(districtCode, "districtCode is null");
        }
    }

    /** The bundled tables, or those of {@code folder} when given (every file must then be there). */
    public static ReferenceData load(Optional<Path> folder)
    {
        Function<String, List<List<String>>> source = folder.<Function<String, List<List<String>>>>map(path -> name -> readFile(path.resolve(name)))
                .orElse(ReferenceData::readResource);
        List<District> districts = rows(source, DISTRICTS_FILE, List.of("district_code", "district", "province_code", "province")).stream()
                .map(row -> new District(row.get(0), row.get(1), row.get(2), row.get(3)))
                .toList();
        List<ValueChain> valueChains = rows(source, VALUE_CHAINS_FILE, List.of("value_chain", "label")).stream()
                .map(row -> new ValueChain(row.get(0), row.get(1)))
                .toList();
        List<Topic> topics = rows(source, TOPICS_FILE, List.of("topic", "label")).stream()
                .map(row -> new Topic(row.get(0), row.get(1)))
                .toList();
        List<Target> targets = new ArrayList<>();
        for (List<String> row : rows(source, TARGETS_FILE, List.of("target", "district_code", "value"))) {
            try {
                targets.add(new Target(row.get(0), Optional.of(row.get(1)).filter(code -> !code.isEmpty()), Double.parseDouble(row.get(2))));
            }
            catch (NumberFormatException e) {
                throw new IngestException(TARGETS_FILE + ": target value '" + row.get(2) + "' is not a number");
            }
        }
        return new ReferenceData(districts, valueChains, topics, targets);
    }

    /**
     * The SHA-256 (hex) of each reference file's bytes, by file name: of {@code folder}'s files when given, else of the
     * bundled ones. The manifest's {@code reference_files} (layout SnapshotManifest).
     */
    public static SortedMap<String, String> fileHashes(Optional<Path> folder)
    {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (String name : List.of(DISTRICTS_FILE, VALUE_CHAINS_FILE, TOPICS_FILE, TARGETS_FILE)) {
            hashes.put(name, HexFormat.of().formatHex(sha256(folder.map(path -> fileBytes(path.resolve(name))).orElseGet(() -> resourceBytes(name)))));
        }
        return hashes;
    }

    private static byte[] sha256(byte[] bytes)
    {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fileBytes(Path path)
    {
        try {
            return Files.readAllBytes(path);
        }
        catch (IOException e) {
            throw new IngestException("cannot read the reference file " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resourceBytes(String name)
    {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) {
                throw new IngestException("reference file " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new IngestException("cannot read the bundled reference file " + name + ": " + e.getMessage(), e);
        }
    }

    /** Lower-case district name (and NISR code) -> NISR code. */
    public Map<String, String> districtAliases()
    {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (District district : districts) {
            aliases.put(district.code(), district.code());
            aliases.put(district.name().toLowerCase(Locale.ROOT), district.code());
        }
        return aliases;
    }

    /** Lower-case code and English label -> code. */
    public Map<String, String> valueChainAliases()
    {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (ValueChain valueChain : valueChains) {
            aliases.put(valueChain.code().toLowerCase(Locale.ROOT), valueChain.code());
            aliases.put(valueChain.label().toLowerCase(Locale.ROOT), valueChain.code());
        }
        return aliases;
    }

    /** Lower-case code -> code. */
    public Map<String, String> topicAliases()
    {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Topic topic : topics) {
            aliases.put(topic.code().toLowerCase(Locale.ROOT), topic.code());
        }
        return aliases;
    }

    /** The rows of one reference table of the layout (DISTRICTS, VALUE_CHAINS, TOPICS or TARGETS). */
    public Dataset<Row> table(SparkSession spark, Table table)
    {
        return spark.createDataFrame(rows(table), TableSchemas.schema(table));
    }

    /** SHA-256 of every reference table's rows (as text, sorted): equal fingerprints, equal reference data. */
    public String fingerprint()
    {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (Table table : List.of(Table.DISTRICTS, Table.VALUE_CHAINS, Table.TOPICS, Table.TARGETS)) {
                digest.update((table.tableName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (String row : rows(table).stream().map(Row::toString).sorted().toList()) {
                    digest.update((row + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a reference table, in its columns. */
    public List<Row> rows(Table table)
    {
        return switch (table) {
            case DISTRICTS -> districts.stream().map(d -> RowFactory.create(d.code(), d.name(), d.provinceCode(), d.province())).toList();
            case VALUE_CHAINS -> valueChains.stream().map(v -> RowFactory.create(v.code(), v.label())).toList();
            case TOPICS -> topics.stream().map(t -> RowFactory.create(t.code(), t.label())).toList();
            case TARGETS -> targets.stream().map(t -> RowFactory.create(t.target(), t.districtCode().orElse(null), t.value())).toList();
            default -> throw new IllegalArgumentException("not a reference table: " + table);
        };
    }

    private static List<List<String>> rows(Function<String, List<List<String>>> source, String fileName, List<String> expectedHeader)
    {
        List<List<String>> records = source.apply(fileName);
        if (records.isEmpty() || !records.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList().equals(expectedHeader)) {
            throw new IngestException("reference file " + fileName + ": the header must be " + String.join(",", expectedHeader));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> row = records.get(i).stream().map(String::strip).toList();
            if (row.size() != expectedHeader.size()) {
                throw new IngestException("reference file " + fileName + ": row " + (i + 1) + " has " + row.size() + " fields, expected " + expectedHeader.size());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> readFile(Path path)
    {
        try (BufferedReader reader = FieldRecordReader.open(path)) {
            return parse(reader);
        }
        catch (IOException e) {
            throw new IngestException("cannot read the reference file " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<List<String>> readResource(String name)
    {
        InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + name);
        if (in == null) {
            throw new IngestException("reference file " + name + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader);
        }
        catch (IOException e) {
            throw new IngestException("cannot read the bundled reference file " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<List<String>> parse(BufferedReader reader)
            throws IOException
    {
        CsvRecordParser parser = new CsvRecordParser(reader, ',');
        List<List<String>> records = new ArrayList<>();
        for (SourceRecord record = parser.next(); record != null; record = parser.next()) {
            if (record.malformed()) {
                throw new IOException("line " + record.line() + " is not valid CSV");
            }
            records.add(record.fields());
        }
        return records;
    }
}
