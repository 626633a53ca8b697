package org.jijukirwa.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CSV or JSON Lines file once, before the run uses it, for its content hash and for what would make its rows
 * garbage: NUL bytes (a binary file, or UTF-16 without a byte order mark), bytes that are not UTF-8 (or not UTF-16
 * after a UTF-16 byte order mark), a line longer than {@link #MAX_LINE_CHARS}, and for CSV a header wider than
 * {@link #MAX_COLUMNS} or naming a column twice. Invalid UTF-8 is rejected, never guessed (a Latin-1 file would
 * otherwise publish mojibake).
 */
final class TextFileCheck
{
    /** The widest header read: the contract's record sets have a few dozen columns, field exports a few hundred. */
    static final int MAX_COLUMNS = 2_000;
    /** The longest physical line: a record is a few hundred characters; this also bounds what a header read holds. */
    static final int MAX_LINE_CHARS = 1 << 20;
    private static final int SNIFF_BYTES = 8192;

    private TextFileCheck()
    {
    }

    /** The content hash, or why the file is rejected. */
    record Outcome(String sha256, Optional<FileRejection> rejection)
    {
    }

    static Outcome check(Path path, String relativePath, boolean csv)
    {
        String sha256;
        try {
            Optional<Problem> problem;
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(path)) {
                Scan scan = new Scan(digest);
                problem = scan.run(in);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
            if (problem.isPresent()) {
                return new Outcome(sha256, Optional.of(rejection(relativePath, problem.get())));
            }
        }
        catch (IOException e) {
            return new Outcome("", Optional.of(new FileRejection(relativePath, FileRejection.Reason.UNREADABLE,
                    "cannot read it (" + ingestMessage(e) + "): check that the file is readable by the user running the ingest")));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!csv) {
            return new Outcome(sha256, Optional.empty());
        }
        try (BufferedReader reader = FieldRecordReader.open(path)) {
            List<String> header = FieldRecordReader.openCsv(reader).map(FieldRecordReader.CsvFile::header).orElse(List.of());
            return new Outcome(sha256, headerProblem(relativePath, header));
        }
        catch (IOException e) {
            return new Outcome(sha256, Optional.of(new FileRejection(relativePath, FileRejection.Reason.UNREADABLE, "cannot read it (" + ingestMessage(e) + ")")));
        }
    }

    /**
     * Every CSV entry of a zip read to its end, as {@link #check} reads a text file, before any Spark task reads it: an
     * entry whose compressed data breaks off part-way (a truncated or damaged download) is {@code corrupt_export}, one
     * that is not UTF-8 (or holds NUL bytes, or a line far too long) has the code a text file would have. Empty when every
     * entry reads whole, or when the zip cannot even be listed (the field export planner rejects that one).
     */
    static Optional<FileRejection> checkZip(Path path, String relativePath)
    {
        List<String> entries;
        try {
            entries = ExportContainer.ZIP.tableNames(path);
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
            for (String entry : entries) {
                Scan scan = new Scan(MessageDigest.getInstance("SHA-256"));
                Optional<Problem> problem;
                try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                    problem = scan.run(in);
                }
                catch (IOException e) {
                    return Optional.of(new FileRejection(relativePath, FileRejection.Reason.CORRUPT_EXPORT, "its entry " + entry
                            + " breaks off after line " + scan.line + " (" + ingestMessage(e) + "): a damaged or incomplete download; export it again from the tool"));
                }
                if (problem.isPresent()) {
                    return Optional.of(new FileRejection(relativePath, problem.get().reason(), "its entry " + entry + ": " + problem.get().message()));
                }
            }
            return Optional.empty();
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header wider than {@link #MAX_COLUMNS}, or one that names a column twice (blank names aside; names compared as the mapping does). */
    static Optional<FileRejection> headerProblem(String relativePath, List<String> header)
    {
        if (header.size() > MAX_COLUMNS) {
            return Optional.of(new FileRejection(relativePath, FileRejection.Reason.TOO_WIDE, String.format(java.util.Locale.ROOT,
                    "its header has %,d columns, more than the %,d read: export only the form's columns", header.size(), MAX_COLUMNS)));
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String name : header) {
            String normalised = ColumnResolver.normalise(name);
            if (!normalised.isEmpty() && seen.merge(normalised, 1, Integer::sum) == 2) {
                duplicates.add("'" + name.strip() + "'");
            }
        }
        if (duplicates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FileRejection(relativePath, FileRejection.Reason.DUPLICATE_COLUMN,
                "its header names " + String.join(", ", duplicates) + " more than once (case and blanks ignored), so which one to read is unknown: "
                        + "rename or remove the copies"));
    }

    private static FileRejection rejection(String relativePath, Problem problem)
    {
        return new FileRejection(relativePath, problem.reason(), problem.message());
    }

    private static String ingestMessage(IOException e)
    {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private record Problem(FileRejection.Reason reason, String message)
    {
    }

    /** One pass over the bytes: every byte into the digest, every character checked; stops checking (not hashing) at the first problem. */
    private static final class Scan
    {
        private final MessageDigest digest;
        private long line = 1;
        private long lineChars;
        private long offset;

        Scan(MessageDigest digest)
        {
            this.digest = digest;
        }

        Optional<Problem> run(InputStream in)
                throws IOException
        {
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            int first = fill(in, bytes);
            bytes.flip();
            Charset charset = charsetOf(bytes);
            boolean utf16 = charset != StandardCharsets.UTF_8;
            if (!utf16 && hasNul(bytes)) {
                return finish(in, new Problem(FileRejection.Reason.NOT_TEXT,
                        "it holds NUL bytes: not a text file (or UTF-16 without a byte order mark); save it as CSV UTF-8 or JSON Lines"));
            }
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            boolean end = first < 0;
            while (true) {
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                // the characters before a coding error count too: they say on which line it is
                Optional<Problem> problem = checkChars(chars);
                if (problem.isPresent()) {
                    return finish(in, problem.get());
                }
                if (result.isError()) {
                    long at = offset + bytes.position();
                    return finish(in, utf16
                            ? new Problem(FileRejection.Reason.BAD_UTF16, "it starts as UTF-16 but byte " + at + " (line " + line + ") is not: save it as CSV UTF-8")
                            : new Problem(FileRejection.Reason.NOT_UTF8, "byte " + at + " (line " + line + ") is not UTF-8 (a Latin-1 or Windows file?): "
                                    + "save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8\")"));
                }
                chars.clear();
                if (result.isOverflow()) {
                    continue;
                }
                if (end) {
                    decoder.flush(chars);
                    return Optional.empty();
                }
                offset += bytes.position();
                bytes.compact();
                end = fill(in, bytes) < 0;
                bytes.flip();
            }
        }

        private Optional<Problem> checkChars(CharBuffer chars)
        {
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (c == '\n') {
                    line++;
                    lineChars = 0;
                }
                else if (c == '\u0000') {
                    return Optional.of(new Problem(FileRejection.Reason.NOT_TEXT, "line " + line + " holds a NUL character: not a text file; save it as CSV UTF-8"));
                }
                else if (++lineChars > MAX_LINE_CHARS) {
                    return Optional.of(new Problem(FileRejection.Reason.LINE_TOO_LONG, String.format(java.util.Locale.ROOT,
                            "line %d is longer than %,d characters: not a data file of records, or a header of far too many columns", line, MAX_LINE_CHARS)));
                }
            }
            return Optional.empty();
        }

        /** The BOM's charset (its bytes consumed); UTF-8 when there is none. */
        private static Charset charsetOf(ByteBuffer bytes)
        {
            int b0 = bytes.remaining() > 0 ? bytes.get(0) & 0xFF : -1;
            int b1 = bytes.remaining() > 1 ? bytes.get(1) & 0xFF : -1;
            int b2 = bytes.remaining() > 2 ? bytes.get(2) & 0xFF : -1;
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                bytes.position(3);
                return StandardCharsets.UTF_8;
            }
            if (b0 == 0xFF && b1 == 0xFE) {
                bytes.position(2);
                return StandardCharsets.UTF_16LE;
            }
            if (b0 == 0xFE && b1 == 0xFF) {
                bytes.position(2);
                return StandardCharsets.UTF_16BE;
            }
            return StandardCharsets.UTF_8;
        }

        private static boolean hasNul(ByteBuffer bytes)
        {
            int limit = Math.min(bytes.limit(), bytes.position() + SNIFF_BYTES);
            for (int i = bytes.position(); i < limit; i++) {
                if (bytes.get(i) == 0) {
                    return true;
                }
            }
            return false;
        }

        /** Reads into the buffer until it is full or the stream ends; -1 when nothing more came. */
        private int fill(InputStream in, ByteBuffer bytes)
                throws IOException
        {
            int total = 0;
            while (bytes.hasRemaining()) {
                int count = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                if (count < 0) {
                    return total == 0 ? -1 : total;
                }
                digest.update(bytes.array(), bytes.arrayOffset() + bytes.position(), count);
                bytes.position(bytes.position() + count);
                total += count;
            }
            return total;
        }

        /** Hashes the rest of the file (the hash names the file in the report) and returns the problem. */
        private Optional<Problem> finish(InputStream in, Problem problem)
                throws IOException
        {
            byte[] buffer = new byte[1 << 16];
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                digest.update(buffer, 0, count);
            }
            return Optional.of(problem);
        }
    }
}
