package org.jijukirwa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Finds the data files under the input folder (recursively; hidden files and
 * folders skipped), tells each one's record set from the mapping file or from
 * its name (the file name first, then its folders from the nearest up), and
 * orders them by relative path compared as UTF-8 bytes, which is also how
 * Spark orders the source_file column: a later file in this order is ingested later.
 */
public final class InputScanner
{
    private final ColumnMapping mapping;
    private final CheckedFiles checked;

    public InputScanner(ColumnMapping mapping)
    {
        this(mapping, CheckedFiles.none());
    }

    /** A scanner that does not read again the files {@code checked} says an earlier run found sound and unchanged. */
    InputScanner(ColumnMapping mapping, CheckedFiles checked)
    {
        this.mapping = requireNonNull(mapping, "mapping is null");
        this.checked = requireNonNull(checked, "checked is null");
    }

    /** The files to read, the files that are no data file, and the data files rejected as files (see {@link TextFileCheck}). */
    public record ScanResult(List<InputFile> dataFiles, List<String> ignoredFiles, List<FileRejection> rejectedFiles)
    {
        public ScanResult
        {
            dataFiles = List.copyOf(dataFiles);
            ignoredFiles = List.copyOf(ignoredFiles);
            rejectedFiles = List.copyOf(rejectedFiles);
        }

        public ScanResult(List<InputFile> dataFiles, List<String> ignoredFiles)
        {
            this(dataFiles, ignoredFiles, List.of());
        }
    }

    public ScanResult scan(Path inputFolder)
    {
        Path root = inputFolder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IngestException("input folder " + inputFolder + " does not exist or is not a folder");
        }
        List<String> relativePaths;
        try (Stream<Path> paths = Files.walk(root)) {
            relativePaths = paths.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path))
                    .filter(path -> !isHidden(path))
                    .map(path -> path.toString().replace('\\', '/'))
                    .sorted(InputScanner::compareUtf8)
                    .toList();
        }
        catch (IOException | UncheckedIOException e) {
            throw new IngestException("cannot list the input folder " + inputFolder + ": " + e.getMessage(), e);
        }
        List<InputFile> dataFiles = new ArrayList<>();
        List<String> ignoredFiles = new ArrayList<>();
        List<FileRejection> rejectedFiles = new ArrayList<>();
        List<Path> inputForms = relativePaths.stream().filter(path -> path.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx"))
                .map(root::resolve).filter(XlsForm::isXlsForm).toList();
        FieldExportPlanner exports = new FieldExportPlanner(mapping, FormLibrary.load(inputForms));
        for (String relativePath : relativePaths) {
            Path path = root.resolve(relativePath);
            Optional<SourceFormat> format = SourceFormat.forFileName(relativePath);
            // A text file is checked before anything reads it: its header decides whether it is a field export.
            String textSha256 = null;
            if (format.isPresent()) {
                boolean csv = format.get() == SourceFormat.CSV;
                TextFileCheck.Outcome outcome = checked.textChecked(path, () -> TextFileCheck.check(path, relativePath, csv));
                if (outcome.rejection().isPresent()) {
                    rejectedFiles.add(outcome.rejection().get());
                    continue;
                }
                textSha256 = outcome.sha256();
            }
            if (isFieldExport(path, relativePath, inputForms)) {
                // a zip's CSV entries are read whole here, so that one broken part-way is a rejected file, not a failed Spark task
                Optional<FileRejection> brokenZip = ExportContainer.forFileName(relativePath).orElseThrow() == ExportContainer.ZIP
                        ? TextFileCheck.checkZip(path, relativePath)
                        : Optional.empty();
                if (brokenZip.isPresent()) {
                    rejectedFiles.add(brokenZip.get());
                    continue;
                }
                try {
                    FieldExportPlanner.Planned planned = exports.plan(path, relativePath, ExportContainer.forFileName(relativePath).orElseThrow(),
                            textSha256 != null ? textSha256 : checked.hashed(path, () -> sha256(path)));
                    dataFiles.addAll(planned.dataFiles());
                    ignoredFiles.addAll(planned.ignoredFiles());
                }
                catch (FileRejectedException e) {
                    rejectedFiles.add(e.rejection());
                }
                catch (IOException | RuntimeException e) {
                    if (e instanceof IngestException && e.getMessage().startsWith("mapping file:")) {
                        throw (IngestException) e;  // the mapping's mistake, not the file's
                    }
                    rejectedFiles.add(new FileRejection(relativePath, FileRejection.Reason.CORRUPT_EXPORT,
                            "cannot be read as a field tool's export (" + firstLine(e) + "): export it again from the tool"));
                }
                continue;
            }
            Optional<ColumnMapping.ResolvedFile> resolved = format.isEmpty() ? Optional.empty() : mapping.resolve(relativePath, detect(relativePath));
            if (resolved.isEmpty()) {
                ignoredFiles.add(relativePath);
                continue;
            }
            dataFiles.add(new InputFile(path.toString(), relativePath, resolved.get().recordSet(), format.get(), resolved.get().resolver(), textSha256));
        }
        return new ScanResult(dataFiles, ignoredFiles, rejectedFiles);
    }

    private static String firstLine(Exception e)
    {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /**
     * Whether a file is read as a field tool's export: a workbook (not an XLSForm), a zip, or a CSV file whose
     * header holds the tools' own columns or whose mapping rule asks for a repeat or value aliases.
     */
    private boolean isFieldExport(Path path, String relativePath, List<Path> inputForms)
    {
        Optional<ExportContainer> container = ExportContainer.forFileName(relativePath);
        if (container.isEmpty()) {
            return false;
        }
        if (container.get() == ExportContainer.XLSX) {
            return !inputForms.contains(path);
        }
        if (container.get() == ExportContainer.ZIP) {
            return true;
        }
        if (mapping.resolve(relativePath, detect(relativePath)).map(ColumnMapping.ResolvedFile::needsExportReader).orElse(false)) {
            return true;
        }
        try (java.io.BufferedReader reader = FieldRecordReader.open(path)) {
            return FieldRecordReader.openCsv(reader).map(csv -> FieldExportPlanner.looksLikeExport(csv.header())).orElse(false);
        }
        catch (IOException e) {
            throw new IngestException("cannot read " + relativePath + ": " + e.getMessage(), e);
        }
    }

    /** The record set a relative path's names announce: the file name, else the nearest folder that names one. */
    static Optional<RecordSet> detect(String relativePath)
    {
        List<String> names = Arrays.asList(relativePath.split("/"));
        for (int i = names.size() - 1; i >= 0; i--) {
            Optional<RecordSet> recordSet = RecordSet.forFileOrFolderName(names.get(i));
            if (recordSet.isPresent()) {
                return recordSet;
            }
        }
        return Optional.empty();
    }

    static int compareUtf8(String left, String right)
    {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isHidden(Path relativePath)
    {
        for (Path name : relativePath) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(Path path)
    {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                digest.update(buffer, 0, count);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException e) {
            throw new IngestException("cannot read " + path + ": " + e.getMessage(), e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
