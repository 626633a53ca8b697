package org.jijukirwa.layout;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./jijukirwa snapshots list|prune --warehouse DIR [--keep-last N] [--keep-days D]}: the published snapshots
 * with the retention policy's verdict, and the removal of those it does not keep (see {@link SnapshotRetention}).
 */
public final class SnapshotsMain
{
    private static final String USAGE = "Usage: snapshots list|prune --warehouse DIR [--keep-last N] [--keep-days D]\n"
            + "  list    every published snapshot: when its run started, its files, the bytes only it holds, and whether it is kept and why\n"
            + "  prune   removes the snapshots that are not kept (never CURRENT's, nor one a running server reads)\n"
            + "  --keep-last N   keep the newest N snapshots (default " + SnapshotRetention.DEFAULT_KEEP_LAST + ")\n"
            + "  --keep-days D   keep every snapshot younger than D days (default " + SnapshotRetention.DEFAULT_KEEP_FOR.toDays() + ")";

    private SnapshotsMain()
    {
    }

    public static void main(String[] args)
    {
        System.exit(run(args, System.out, System.err, Instant.now()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Instant now)
    {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Path warehouseFolder = null;
        int keepLast = SnapshotRetention.DEFAULT_KEEP_LAST;
        Duration keepFor = SnapshotRetention.DEFAULT_KEEP_FOR;
        try {
            for (int index = 1; index < args.length; index++) {
                String option = args[index];
                if (index + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++index];
                switch (option) {
                    case "--warehouse" -> warehouseFolder = Path.of(value);
                    case "--keep-last" -> keepLast = Integer.parseInt(value);
                    case "--keep-days" -> keepFor = Duration.ofDays(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (warehouseFolder == null) {
                throw new IllegalArgumentException("--warehouse DIR is required");
            }
            if (!Files.isDirectory(warehouseFolder)) {
                throw new IllegalArgumentException("no warehouse folder " + warehouseFolder);
            }
            SnapshotRetention retention = new SnapshotRetention(keepLast, keepFor);
            WarehouseDirectory warehouse = new WarehouseDirectory(warehouseFolder);
            switch (command) {
                case "list" -> list(retention.review(warehouse, now), out);
                case "prune" -> {
                    List<String> removed = retention.prune(warehouse, now);
                    removed.forEach(id -> out.println("removed " + id));
                    out.println(removed.size() + " snapshot(s) removed, " + warehouse.snapshotIds().size() + " kept");
                }
                default -> throw new IllegalArgumentException("unknown command " + command + " (list or prune)");
            }
            return 0;
        }
        catch (NumberFormatException e) {
            err.println("snapshots: not a number: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        catch (IllegalArgumentException e) {
            err.println("snapshots: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        catch (WarehouseDirectory.WarehouseBusyException e) {
            err.println("snapshots: " + e.getMessage());
            return 1;
        }
        catch (IOException | IllegalStateException e) {
            err.println("snapshots: " + e.getMessage());
            return 1;
        }
    }

    private static void list(List<SnapshotRetention.Entry> entries, PrintStream out)
    {
        out.printf(Locale.ROOT, "%-30s %-24s %6s %10s  %s%n", "snapshot", "run started (UTC)", "files", "own MB", "kept");
        for (SnapshotRetention.Entry entry : entries) {
            out.printf(Locale.ROOT, "%-30s %-24s %6d %10.1f  %s%n", entry.id(), entry.startedAt(), entry.files(), entry.ownBytes() / 1e6,
                    entry.keptBecause().orElse("no: prune removes it"));
        }
    }
}
