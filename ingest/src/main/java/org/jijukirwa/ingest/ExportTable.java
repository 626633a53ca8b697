package org.jijukirwa.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** An open table of a field tool's export, read row by row after its header. */
public interface ExportTable
        extends Closeable
{
    /** The header's names as written (empty for a table without a header row). */
    List<String> header();

    /** The next row, or null at the end. */
    ExportRow next()
            throws IOException;
}
