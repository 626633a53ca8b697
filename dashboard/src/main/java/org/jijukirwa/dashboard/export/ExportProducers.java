package org.jijukirwa.dashboard.export;

import org.jijukirwa.warehouse.answer.AnswerCursor;
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
        return new CsvProducer(cursor);
    }

    static ExportStream.Producer json(AnswerCursor cursor)
    {
        return new JsonProducer(cursor);
    }

    /** A ZIP of {@code datapackage.json} then the CSV named {@code csvName}. */
    static ExportStream.Producer zip(AnswerCursor cursor, byte[] dataPackage, String csvName)
    {
        return new ZipProducer(cursor, dataPackage, csvName);
    }

    private static final class CsvProducer
            implements ExportStream.Producer
    {
        private final AnswerCursor cursor;
        private Writer writer;
        private AnswerCsvWriter csv;

        CsvProducer(AnswerCursor cursor)
        {
            this.cursor = requireNonNull(cursor, "cursor is null");
        }

        @Override
        public boolean writeNext(OutputStream output)
                throws IOException
        {
            if (writer == null) {
                // the output is the same buffer on every call: one writer over it for the whole export
                writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
                csv = new AnswerCsvWriter(writer, cursor.heading());
                csv.writeHeader();
            }
            writePiece(cursor, csv::writeRow);
            writer.flush();
            return cursor.hasNext();
        }

        @Override
        public void close()
        {
            cursor.close();
        }
    }

    private static final class JsonProducer
            implements ExportStream.Producer
    {
        private final AnswerCursor cursor;
        private AnswerJsonWriter json;

        JsonProducer(AnswerCursor cursor)
        {
            this.cursor = requireNonNull(cursor, "cursor is null");
        }

        @Override
        public boolean writeNext(OutputStream output)
                throws IOException
        {
            if (json == null) {
                json = new AnswerJsonWriter(output, cursor.heading());
                json.writeStart();
            }
            writePiece(cursor, json::writeRow);
            if (cursor.hasNext()) {
                json.flush();
                return true;
            }
            json.writeEnd();
            return false;
        }

        @Override
        public void close()
        {
            cursor.close();
        }
    }

    /** The CSV export inside a ZIP entry, after an entry for the data package. */
    private static final class ZipProducer
            implements ExportStream.Producer
    {
        private final CsvProducer csv;
        private final byte[] dataPackage;
        private final String csvName;
        private ZipOutputStream zip;

        ZipProducer(AnswerCursor cursor, byte[] dataPackage, String csvName)
        {
            this.csv = new CsvProducer(cursor);
            this.dataPackage = requireNonNull(dataPackage, "dataPackage is null").clone();
            this.csvName = requireNonNull(csvName, "csvName is null");
        }

        @Override
        public boolean writeNext(OutputStream output)
                throws IOException
        {
            if (zip == null) {
                zip = new ZipOutputStream(output, StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry("datapackage.json"));
                zip.write(dataPackage);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(csvName));
            }
            // the same zip stream on every call, as the CSV producer needs
            if (csv.writeNext(zip)) {
                return true;
            }
            zip.closeEntry();
            zip.finish();
            return false;
        }

        @Override
        public void close()
        {
            csv.close();
        }
    }

    private interface RowWriter
    {
        void writeRow(AnswerRow row)
                throws IOException;
    }

    /** Writes the next piece: up to {@link #ROWS_PER_PIECE} rows of the cursor. */
    private static void writePiece(AnswerCursor cursor, RowWriter writer)
            throws IOException
    {
        for (int count = 0; count < ROWS_PER_PIECE && cursor.hasNext(); count++) {
            writer.writeRow(cursor.next());
        }
    }
}
