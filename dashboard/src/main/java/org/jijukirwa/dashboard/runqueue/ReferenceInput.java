package org.jijukirwa.dashboard.runqueue;

import java.io.IOException;
import java.nio.file.Path;

/** The reference data of a run: the targets write the folder the ingest loads with {@code --reference}. */
public interface ReferenceInput
{
    /** Fills the empty {@code folder} with every reference table the ingest reads (districts, value chains, topics, targets). */
    void writeTo(Path folder)
            throws IOException;
}
