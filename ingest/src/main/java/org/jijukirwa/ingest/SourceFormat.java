package org.jijukirwa.ingest;

import java.util.List;
import java.util.Optional;

public enum SourceFormat
{
    CSV(".csv"),
    JSON_LINES(".jsonl", ".ndjson"),
    /** A table of a field tool's export (CSV, XLSX sheet, CSV in a zip), read as its {@link FieldExport} says. */
    FIELD_EXPORT;

    private final List<String> extensions;

    SourceFormat(String... extensions)
    {
        this.extensions = List.of(extensions);
    }

    /** The format a file name's extension announces: .csv, or .jsonl/.ndjson. */
    public static Optional<SourceFormat> forFileName(String fileName)
    {
        return FileExtensions.kindOf(fileName, values(), format -> format.extensions);
    }
}
