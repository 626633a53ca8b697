package org.jijukirwa.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A stand-in for a server process: claims its server temporary folder (named by -Djava.io.tmpdir, as the launcher does), makes a temporary
 * file the way DuckDB copies its library, prints both and what it removed, then waits until killed or its input closes.
 */
public final class ServerTempFolderHolder
{
    private ServerTempFolderHolder()
    {
    }

    public static void main(String[] args)
            throws Exception
    {
        ServerTempFolder claimed = ServerTempFolder.claimCurrent(Duration.ZERO).orElseThrow();
        Path library = Files.createTempFile("libduckdb_java", ".so");
        System.out.println("folder " + claimed.folder());
        System.out.println("temp-file " + library);
        System.out.println("removed " + claimed.removedLeftovers().size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the folder
        }
    }
}
