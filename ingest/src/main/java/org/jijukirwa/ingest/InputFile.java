package org.jijukirwa.ingest;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * One data file of a run: where it is, its path relative to the input folder
 * (forward slashes; what the tables and the report call it), its record set,
 * format, column resolution and content hash. Sent to the tasks that read it.
 */
public record InputFile(String absolutePath, String relativePath, RecordSet recordSet, SourceFormat format, ColumnResolver resolver, String contentSha256)
        implements Serializable
{
    public InputFile
    {
        requireNonNull(absolutePath, "absolutePath is null");
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(recordSet, "recordSet is null");
        requireNonNull(format, "format is null");
        requireNonNull(resolver, "resolver is null");
        requireNonNull(contentSha256, "contentSha256 is null");
    }
}
