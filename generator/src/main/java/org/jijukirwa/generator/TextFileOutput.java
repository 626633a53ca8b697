package org.jijukirwa.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The UTF-8 text file behind a line-based {@link RecordFile} (CSV, JSON Lines): buffered, with its tally,
 * and every I/O failure as an {@link UncheckedIOException} that names the file.
 */
final class TextFileOutput
{
    private final Path path;
    private final FileTally tally;
    private final Writer writer;

    TextFileOutput(Path path, String relativePath)
    {
        this.path = requireNonNull(path, "path is null");
        this.tally = new FileTally(relativePath);
        try {
            this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    FileTally tally()
    {
        return tally;
    }

    /** Text that is not a row: a byte order mark, a header line. */
    void write(String text)
    {
        try {
            writer.write(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** One row (a record, counted in the tally) and its line ending. */
    void writeRow(String line, String lineEnding)
    {
        tally.countRow();
        write(line);
        write(lineEnding);
    }

    void close()
    {
        try {
            writer.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
