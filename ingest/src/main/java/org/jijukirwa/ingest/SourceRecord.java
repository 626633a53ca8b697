package org.jijukirwa.ingest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One record of a CSV file as it stood: the first physical line it starts on,
 * its text without the line terminator, its fields, and whether it broke the
 * format (a stray or missing quote).
 */
public record SourceRecord(long line, String rawText, List<String> fields, boolean malformed)
{
    public SourceRecord
    {
        requireNonNull(rawText, "rawText is null");
        fields = List.copyOf(fields);
    }
}
