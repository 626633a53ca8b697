package org.jijukirwa.dashboard.export;

import org.jijukirwa.warehouse.answer.AnswerCursor;
import org.jijukirwa.warehouse.answer.AnswerHeading;
import org.jijukirwa.warehouse.answer.AnswerRow;
import org.jijukirwa.warehouse.export.AnswerCsvWriter;
import org.jijukirwa.warehouse.export.AnswerJsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static java.util.Objects.requireNonNull;

/** The pieces of each export format, written from a warehouse cursor a batch of rows at a time. */
final class ExportProducers
{
    /** Rows per piece: small enough to keep the buffer small, large enough to keep the per-piece cost low. */
    static final int ROWS_PER_PIECE = 500;

    private ExportProducers()
    {
    }

    static ExportStream.Producer csv(AnswerCursor cursor)
    {
        return new CursorProducer(cursor, new CsvFormat(cursor.heading()));
    }

    static ExportStream.Producer json(AnswerCursor cursor)
    {
        return new CursorProducer(cursor, new JsonFormat(cursor.heading()));
    }

    /** A ZIP of {@code datapackage.json} then the CSV named {@code csvName}. */
    static ExportStream.Producer zip(AnswerCursor cursor, byte[] dataPackage, String csvName)
    {
        return new CursorProducer(cursor, new ZipFormat(new CsvFormat(cursor.heading()), dataPackage, csvName));
    }

    /**
     * How one format writes an answer. The output is the same buffer on every call, so a format opens its
     * writers over it once, in {@link #start}, which answers where the rows go.
     */
    private interface Format
    {
        RowWriter start(OutputStream output)
                throws IOException;

        /** After each piece; {@code hasMore} false after the last one. */
        void endPiece(boolean hasMore)
                throws IOException;
    }

    private interface RowWriter
    {
        void writeRow(AnswerRow row)
                throws IOException;
    }

    /** Starts the format on the first piece, then writes up to {@link #ROWS_PER_PIECE} rows a piece. */
    private static final class CursorProducer
            implements ExportStream.Producer
    {
        private final AnswerCursor cursor;
        private final Format format;
        private RowWriter rows;

        CursorProducer(AnswerCursor cursor, Format format)
        {
            this.cursor = requireNonNull(cursor, "cursor is null");
            this.format = requireNonNull(format, "format is null");
        }

        @Override
        public boolean writeNext(OutputStream output)
                throws IOException
        {
            if (rows == null) {
                rows = format.start(output);
            }
            for (int count = 0; count < ROWS_PER_PIECE && cursor.hasNext(); count++) {
                rows.writeRow(cursor.next());
            }
            boolean hasMore = cursor.hasNext();
            format.endPiece(hasMore);
            return hasMore;
        }

        @Override
        public void close()
        {
            cursor.close();
        }
    }

    private static final class CsvFormat
            implements Format
    {
        private final AnswerHeading heading;
        private Writer writer;

        CsvFormat(AnswerHeading heading)
        {
            this.heading = requireNonNull(heading, "heading is null");
        }

        @Override
        public RowWriter start(OutputStream output)
                throws IOException
        {
            writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            AnswerCsvWriter csv = new AnswerCsvWriter(writer, heading);
            csv.writeHeader();
            return csv::writeRow;
        }

        @Override
        public void endPiece(boolean hasMore)
                throws IOException
        {
            writer.flush();
        }
    }

    private static final class JsonFormat
            implements Format
    {
        private final AnswerHeading heading;
        private AnswerJsonWriter json;

        JsonFormat(AnswerHeading heading)
        {
            this.heading = requireNonNull(heading, "heading is null");
        }

        @Override
        public RowWriter start(OutputStream output)
                throws IOException
        {
            json = new AnswerJsonWriter(output, heading);
            json.writeStart();
            return json::writeRow;
        }

        @Override
        public void endPiece(boolean hasMore)
                throws IOException
        {
            if (hasMore) {
                json.flush();
            }
            else {
                json.writeEnd();
            }
        }
    }

    /** The CSV inside a ZIP entry, after an entry for the data package. */
    private static final class ZipFormat
            implements Format
    {
        private final CsvFormat csv;
        private final byte[] dataPackage;
        private final String csvName;
        private ZipOutputStream zip;

        ZipFormat(CsvFormat csv, byte[] dataPackage, String csvName)
        {
            this.csv = requireNonNull(csv, "csv is null");
            this.dataPackage = requireNonNull(dataPackage, "dataPackage is null").clone();
            this.csvName = requireNonNull(csvName, "csvName is null");
        }

        @Override
        public RowWriter start(OutputStream output)
                throws IOException
        {
            zip = new ZipOutputStream(output, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write(dataPackage);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(csvName));
            return csv.start(zip);
        }

        @Override
        public void endPiece(boolean hasMore)
                throws IOException
        {
            csv.endPiece(hasMore);
            if (!hasMore) {
                zip.closeEntry();
                zip.finish();
            }
        }
    }
}
