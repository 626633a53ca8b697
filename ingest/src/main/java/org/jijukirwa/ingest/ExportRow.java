package org.jijukirwa.ingest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One row of a table of a field tool's export (a CSV file, a sheet of a workbook, a CSV inside a zip):
 * its first line (for a sheet: its row number), its text as written (for a sheet: its cells as a CSV line),
 * its cells (null = empty) and whether it broke the CSV format.
 */
public record ExportRow(long line, String rawText, List<String> cells, boolean malformed)
{
    public ExportRow
    {
        requireNonNull(rawText, "rawText is null");
        requireNonNull(cells, "cells is null");
    }

    /** The cell at a position, null when the row is shorter. */
    public String cell(int index)
    {
        return index < cells.size() ? cells.get(index) : null;
    }
}
