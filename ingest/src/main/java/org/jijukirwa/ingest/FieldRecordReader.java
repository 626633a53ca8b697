package org.jijukirwa.ingest;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.TaskCompletionListener;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Reads the data files of one record set into a Dataset of string columns:
 * one Spark task per file streams it (nothing is collected to the driver).
 * Every row keeps its file, its first physical line and its raw text; a row
 * that breaks the format has {@code malformed} set and no values.
 */
public final class FieldRecordReader
{
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";
    public static final String RAW_TEXT = "raw_text";
    public static final String MALFORMED = "malformed";
    /** Set when the field tool's review rejected the submission (see {@link ReviewState}). */
    public static final String REJECTED_IN_REVIEW = "rejected_in_review";
    /** Index of the first source column in a row of {@link #schema}: after file, line, raw text, the malformed and the rejected flags. */
    static final int VALUES_OFFSET = 5;

    private final SparkSession spark;

    public FieldRecordReader(SparkSession spark)
    {
        this.spark = requireNonNull(spark, "spark is null");
    }

    /** source_file, source_line, raw_text, malformed, rejected_in_review, then the record set's contract columns as strings. */
    public static StructType schema(RecordSet recordSet)
    {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(RAW_TEXT, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(MALFORMED, DataTypes.BooleanType, false));
        fields.add(DataTypes.createStructField(REJECTED_IN_REVIEW, DataTypes.BooleanType, true));
        for (String column : recordSet.sourceColumns()) {
            fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * The rows of the given files, all of one record set. Keys of JSON objects
     * that feed no contract column are added to {@code ignoredJsonKeys} as
     * "relative path TAB key".
     */
    public Dataset<Row> read(RecordSet recordSet, List<InputFile> files, CollectionAccumulator<String> ignoredJsonKeys)
    {
        return spark.createDataFrame(rows(files, ignoredJsonKeys), schema(recordSet));
    }

    /** The rows of {@link #read}, as an RDD of rows of {@link #schema}. */
    public JavaRDD<Row> rows(List<InputFile> files, CollectionAccumulator<String> ignoredJsonKeys)
    {
        JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (files.isEmpty()) {
            return sparkContext.emptyRDD();
        }
        return sparkContext.parallelize(files, files.size())
                .flatMap(file -> {
                    if (file.fieldExport() != null) {
                        FieldExportRows exportRows = new FieldExportRows(file);
                        TaskContext task = TaskContext.get();
                        if (task != null) {
                            task.addTaskCompletionListener((TaskCompletionListener) context -> exportRows.close());
                        }
                        return exportRows;
                    }
                    FileRows fileRows = new FileRows(file, ignoredJsonKeys);
                    TaskContext task = TaskContext.get();
                    if (task != null) {
                        task.addTaskCompletionListener((TaskCompletionListener) context -> fileRows.close());
                    }
                    return fileRows;
                });
    }

    /**
     * Opens a text file without its byte order mark: UTF-16 after a UTF-16 mark, else UTF-8 (malformed bytes replaced:
     * {@link TextFileCheck} rejected the files that have any before the run reads them).
     */
    public static BufferedReader open(Path path)
            throws IOException
    {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(3);
        int b0 = in.read();
        int b1 = in.read();
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
        }
        else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
        }
        else {
            in.reset();
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        if (charset == StandardCharsets.UTF_8) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        }
        return reader;
    }

    /** A CSV file opened after its header: the separator, the header's names and a parser positioned on the first record. */
    public record CsvFile(char separator, List<String> header, CsvRecordParser parser)
    {
    }

    /** Empty for a file without a header line. */
    public static Optional<CsvFile> openCsv(BufferedReader reader)
            throws IOException
    {
        reader.mark(TextFileCheck.MAX_LINE_CHARS + 2);  // the longest line a checked file has
        String firstLine = reader.readLine();
        reader.reset();
        if (firstLine == null) {
            return Optional.empty();
        }
        char separator = CsvRecordParser.detectSeparator(firstLine);
        CsvRecordParser parser = new CsvRecordParser(reader, separator);
        SourceRecord header = parser.next();
        if (header == null) {
            return Optional.empty();
        }
        return Optional.of(new CsvFile(separator, header.fields(), parser));
    }

    /** The header names of a CSV file that feed no contract column. */
    public static List<String> ignoredCsvColumns(InputFile file)
    {
        if (file.fieldExport() != null) {
            return file.fieldExport().ignoredColumns();
        }
        try (BufferedReader reader = open(Path.of(file.absolutePath()))) {
            return openCsv(reader).map(csv -> file.resolver().ignored(csv.header())).orElse(List.of());
        }
        catch (IOException e) {
            throw new IngestException("cannot read " + file.relativePath() + ": " + e.getMessage(), e);
        }
    }

    /** The rows of one file, read as they are asked for. */
    private static final class FileRows
            implements Iterator<Row>, Closeable
    {
        private final InputFile file;
        private final CollectionAccumulator<String> ignoredJsonKeys;
        private final int width;
        private final Map<String, Integer> columnIndexes = new HashMap<>();
        private final Set<String> ignoredKeys = new TreeSet<>();
        private BufferedReader reader;
        private CsvRecordParser csvParser;
        private int[] csvPositions;
        private JsonLinesRecordParser jsonParser;
        private Row next;
        private boolean finished;

        FileRows(InputFile file, CollectionAccumulator<String> ignoredJsonKeys)
        {
            this.file = file;
            this.ignoredJsonKeys = ignoredJsonKeys;
            List<String> columns = file.recordSet().sourceColumns();
            this.width = VALUES_OFFSET + columns.size();
            for (int i = 0; i < columns.size(); i++) {
                columnIndexes.put(columns.get(i), VALUES_OFFSET + i);
            }
        }

        @Override
        public boolean hasNext()
        {
            if (next == null && !finished) {
                try {
                    next = readRow();
                }
                catch (IOException e) {
                    close();
                    throw new UncheckedIOException("cannot read " + file.relativePath(), e);
                }
                if (next == null) {
                    finished = true;
                    close();
                }
            }
            return next != null;
        }

        @Override
        public Row next()
        {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }

        private Row readRow()
                throws IOException
        {
            if (reader == null) {
                reader = open(Path.of(file.absolutePath()));
                if (file.format() == SourceFormat.CSV) {
                    Optional<CsvFile> csv = openCsv(reader);
                    if (csv.isEmpty()) {
                        return null;
                    }
                    csvParser = csv.get().parser();
                    List<String> columns = file.resolver().resolve(csv.get().header());
                    csvPositions = new int[columns.size()];
                    for (int i = 0; i < csvPositions.length; i++) {
                        csvPositions[i] = columns.get(i) == null ? -1 : columnIndexes.get(columns.get(i));
                    }
                }
                else {
                    jsonParser = new JsonLinesRecordParser(reader);
                }
            }
            return csvParser != null ? readCsvRow() : readJsonRow();
        }

        private Row readCsvRow()
                throws IOException
        {
            SourceRecord record = csvParser.next();
            if (record == null) {
                return null;
            }
            Object[] values = provenance(record.line(), record.rawText());
            boolean malformed = record.malformed() || record.fields().size() != csvPositions.length;
            values[3] = malformed;
            if (!malformed) {
                for (int i = 0; i < csvPositions.length; i++) {
                    if (csvPositions[i] >= 0) {
                        values[csvPositions[i]] = record.fields().get(i);
                    }
                }
            }
            return RowFactory.create(values);
        }

        private Row readJsonRow()
                throws IOException
        {
            JsonLinesRecordParser.JsonLine line = jsonParser.next();
            if (line == null) {
                return null;
            }
            Object[] values = provenance(line.line(), line.rawText());
            Optional<Map<String, String>> object = JsonLinesRecordParser.parseObject(line.rawText(), key -> file.resolver().columnFor(key) != null);
            values[3] = object.isEmpty();
            if (object.isPresent()) {
                List<String> keys = new ArrayList<>(object.get().keySet());
                List<String> columns = file.resolver().resolve(keys);
                for (int i = 0; i < keys.size(); i++) {
                    if (columns.get(i) == null) {
                        ignoredKeys.add(keys.get(i).strip());
                    }
                    else {
                        values[columnIndexes.get(columns.get(i))] = object.get().get(keys.get(i));
                    }
                }
            }
            return RowFactory.create(values);
        }

        private Object[] provenance(long line, String rawText)
        {
            Object[] values = new Object[width];
            values[0] = file.relativePath();
            values[1] = line;
            values[2] = rawText;
            values[4] = false;
            return values;
        }

        @Override
        public void close()
        {
            if (reader == null) {
                return;
            }
            try {
                reader.close();
            }
            catch (IOException ignored) {
                // nothing left to read from it
            }
            reader = null;
            for (String key : ignoredKeys) {
                ignoredJsonKeys.add(file.relativePath() + "\t" + key);
            }
            ignoredKeys.clear();
        }
    }
}
