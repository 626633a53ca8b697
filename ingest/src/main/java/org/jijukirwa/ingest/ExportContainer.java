package org.jijukirwa.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The kinds of physical file a field tool's export button gives: a CSV file (one table), an XLSX workbook
 * (one table per sheet: KoboToolbox writes the main sheet and one sheet per repeat group) and a zip of CSV
 * files (ODK Central: {@code <form>.csv} and one {@code <form>-<repeat>.csv} per repeat group).
 */
public enum ExportContainer
{
    CSV(".csv"),
    XLSX(".xlsx"),
    ZIP(".zip");

    private final List<String> extensions;

    ExportContainer(String extension)
    {
        this.extensions = List.of(extension);
    }

    public static Optional<ExportContainer> forFileName(String fileName)
    {
        return FileExtensions.kindOf(fileName, values(), container -> container.extensions);
    }

    /** The names of the tables of a file, in file order: "" for a CSV file, the sheets, the zip's CSV entries. */
    public List<String> tableNames(Path file)
            throws IOException
    {
        return switch (this) {
            case CSV -> List.of("");
            case XLSX -> XlsxWorkbookReader.sheetNames(file);
            case ZIP -> {
                List<String> names = new ArrayList<>();
                try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                    zip.stream().filter(entry -> !entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv"))
                            .map(ZipEntry::getName).sorted(InputScanner::compareUtf8).forEach(names::add);
                }
                yield names;
            }
        };
    }

    /** The logical name of one table of a physical file, as the run report and the tables call it. */
    public String sourceName(String relativePath, String table)
    {
        return switch (this) {
            case CSV -> relativePath;
            case XLSX -> relativePath + "#" + table;
            case ZIP -> relativePath + "!" + table;
        };
    }

    public ExportTable open(Path file, String table)
            throws IOException
    {
        return switch (this) {
            case CSV -> csvTable(FieldRecordReader.open(file), null);
            case XLSX -> {
                XlsxWorkbookReader workbook = new XlsxWorkbookReader(file);
                try {
                    yield workbook.openSheet(table);
                }
                catch (IOException | RuntimeException e) {
                    workbook.close();
                    throw e;
                }
            }
            case ZIP -> {
                ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
                try {
                    ZipEntry entry = zip.getEntry(table);
                    if (entry == null) {
                        throw new IOException("no " + table + " in " + file);
                    }
                    yield csvTable(reader(zip.getInputStream(entry)), zip);
                }
                catch (IOException | RuntimeException e) {
                    zip.close();
                    throw e;
                }
            }
        };
    }

    private static BufferedReader reader(InputStream in)
            throws IOException
    {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static ExportTable csvTable(BufferedReader reader, AutoCloseable container)
            throws IOException
    {
        Optional<FieldRecordReader.CsvFile> csv = FieldRecordReader.openCsv(reader);
        return new ExportTable()
        {
            @Override
            public List<String> header()
            {
                return csv.map(FieldRecordReader.CsvFile::header).orElse(List.of());
            }

            @Override
            public ExportRow next()
                    throws IOException
            {
                if (csv.isEmpty()) {
                    return null;
                }
                SourceRecord record = csv.get().parser().next();
                return record == null ? null : new ExportRow(record.line(), record.rawText(), record.fields(), record.malformed());
            }

            @Override
            public void close()
                    throws IOException
            {
                reader.close();
                if (container != null) {
                    try {
                        container.close();
                    }
                    catch (Exception e) {
                        throw new IOException(e);
                    }
                }
            }
        };
    }
}
