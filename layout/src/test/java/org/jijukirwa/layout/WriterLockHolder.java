package org.jijukirwa.layout;

import java.nio.file.Path;

/** A process that takes a warehouse's writer lock, says so on standard output, and holds it until killed or its input closes. */
public final class WriterLockHolder
{
    static final String LOCKED = "locked";

    private WriterLockHolder()
    {
    }

    public static void main(String[] args)
            throws Exception
    {
        try (WarehouseDirectory.WriterLock lock = new WarehouseDirectory(Path.of(args[0])).lockForWriting()) {
            System.out.println(LOCKED);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock
            }
        }
    }
}
