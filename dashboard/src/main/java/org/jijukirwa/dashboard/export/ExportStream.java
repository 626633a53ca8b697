package org.jijukirwa.dashboard.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;

/**
 * A response body made as it is read: when its buffer runs dry it asks its {@link Producer} for the
 * next piece (a few hundred rows), so the server holds one piece at a time however large the export.
 * The server reads it on the blocking executor as the client takes the bytes; closing it closes the
 * producer (and so the warehouse cursor), also when the client goes away early.
 */
final class ExportStream
        extends InputStream
{
    /** Writes the export piece by piece. */
    interface Producer
            extends AutoCloseable
    {
        /** Writes the next piece to the output; false once everything has been written. */
        boolean writeNext(OutputStream output)
                throws IOException;

        @Override
        void close();
    }

    private final Producer producer;
    private final Buffer buffer = new Buffer();
    private int position;
    private boolean finished;
    private boolean closed;

    ExportStream(Producer producer)
    {
        this.producer = requireNonNull(producer, "producer is null");
    }

    @Override
    public int read()
            throws IOException
    {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length)
            throws IOException
    {
        if (closed) {
            throw new IOException("the export stream is closed");
        }
        if (length == 0) {
            return 0;
        }
        while (position == buffer.size() && !finished) {
            buffer.reset();
            position = 0;
            finished = !producer.writeNext(buffer);
        }
        int available = buffer.size() - position;
        if (available == 0) {
            return -1;
        }
        int count = Math.min(length, available);
        System.arraycopy(buffer.bytes(), position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available()
    {
        return buffer.size() - position;
    }

    @Override
    public void close()
    {
        if (!closed) {
            closed = true;
            producer.close();
        }
    }

    /** A byte array stream whose array is read in place. */
    private static final class Buffer
            extends ByteArrayOutputStream
    {
        Buffer()
        {
            super(64 * 1024);
        }

        byte[] bytes()
        {
            return buf;
        }
    }
}
