package org.jijukirwa.ingest;

import java.util.Locale;
import java.util.Optional;

public enum SourceFormat
{
    CSV,
    JSON_LINES,
    /** A table of a field tool's export (CSV, XLSX sheet, CSV in a zip), read as its {@link FieldExport} says. */
    FIELD_EXPORT;

    /** The format a file name's extension announces: .csv, or .jsonl/.ndjson. */
    public static Optional<SourceFormat> forFileName(String fileName)
    {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }
}
