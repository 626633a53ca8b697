package org.jijukirwa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the peak heap of a JVM from its {@code -Xlog:gc} file: the largest heap in use when a
 * collection started (lines such as {@code Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.3ms}).
 */
public final class GcLog
{
    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private GcLog()
    {
    }

    /** Peak heap in use and peak heap committed, in bytes (0 when no collection ran). */
    public record Heap(long peakUsedBytes, long peakCommittedBytes)
    {
    }

    public static Heap peak(List<String> lines)
    {
        long used = 0;
        long committed = 0;
        for (String line : lines) {
            Matcher matcher = HEAP.matcher(line);
            while (matcher.find()) {
                used = Math.max(used, bytes(matcher.group(1), matcher.group(2)));
                committed = Math.max(committed, bytes(matcher.group(5), matcher.group(6)));
            }
        }
        return new Heap(used, committed);
    }

    public static Heap peak(Path file)
    {
        try {
            return Files.exists(file) ? peak(Files.readAllLines(file, StandardCharsets.UTF_8)) : new Heap(0, 0);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read the GC log " + file, e);
        }
    }

    private static long bytes(String number, String unit)
    {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
