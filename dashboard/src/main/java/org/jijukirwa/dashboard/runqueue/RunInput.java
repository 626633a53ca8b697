package org.jijukirwa.dashboard.runqueue;

import java.io.IOException;
import java.nio.file.Path;

/** Where a run's input comes from: the inbox writes every file it holds into the run's input folder. */
public interface RunInput
{
    /** Fills the empty {@code folder} with the input files in the data contract's layout; nothing when there is no file yet. */
    void writeTo(Path folder)
            throws IOException;

    /** The stored mapping file of that content hash. */
    Path mappingFile(String sha256);
}
