package org.jijukirwa.generator;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** What was written to one file: rows (records, not lines), injected bad rows by reason, repeats, newer versions. */
final class FileTally
{
    private final String relativePath;
    private final Map<String, Long> badRowsByReason = new TreeMap<>();
    private long rows;
    private long identicalRepeats;
    private long supersedingRows;

    FileTally(String relativePath)
    {
        this.relativePath = requireNonNull(relativePath, "relativePath is null");
    }

    String relativePath()
    {
        return relativePath;
    }

    void countRow()
    {
        rows++;
    }

    void countBadRow(String reason)
    {
        badRowsByReason.merge(reason, 1L, Long::sum);
    }

    void countIdenticalRepeat()
    {
        identicalRepeats++;
    }

    void countSupersedingRow()
    {
        supersedingRows++;
    }

    long rows()
    {
        return rows;
    }

    long badRows()
    {
        return badRowsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    long validRows()
    {
        return rows - badRows();
    }

    Map<String, Long> badRowsByReason()
    {
        return badRowsByReason;
    }

    long identicalRepeats()
    {
        return identicalRepeats;
    }

    long supersedingRows()
    {
        return supersedingRows;
    }
}
