package org.jijukirwa.generator;

import static java.util.Objects.requireNonNull;

/**
 * A row written to be quarantined for exactly one reason. A malformed row
 * names the column whose text breaks the row apart ({@code before} +
 * separator + {@code after}); other bad rows have {@code malformedColumn} -1.
 */
record BadRow(String reason, String[] values, int malformedColumn, String before, String after)
{
    BadRow
    {
        requireNonNull(reason, "reason is null");
        requireNonNull(values, "values is null");
    }

    static BadRow of(String reason, String[] values)
    {
        return new BadRow(reason, values, -1, null, null);
    }

    static BadRow malformed(String[] values, int column, String before, String after)
    {
        return new BadRow("malformed_row", values, column, before, after);
    }

    boolean isMalformed()
    {
        return malformedColumn >= 0;
    }
}
