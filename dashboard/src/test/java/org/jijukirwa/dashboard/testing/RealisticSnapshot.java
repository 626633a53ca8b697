package org.jijukirwa.dashboard.testing;

import org.jijukirwa.warehouse.testing.SnapshotFixture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Publishes {@link SnapshotFixture#realisticProgramme} into a warehouse folder, for looking at the dashboard
 * and timing it without an ingest run: {@code java -cp <test classpath> org.jijukirwa.dashboard.RealisticSnapshot DIR}.
 */
final class RealisticSnapshot
{
    private RealisticSnapshot()
    {
    }

    public static void main(String[] arguments)
            throws IOException
    {
        if (arguments.length != 1) {
            throw new IllegalArgumentException("usage: RealisticSnapshot WAREHOUSE_DIRECTORY");
        }
        String snapshotId = SnapshotFixture.realisticProgramme(2019).publishTo(Path.of(arguments[0]));
        System.out.println("published snapshot " + snapshotId + " into " + arguments[0]);
    }
}
