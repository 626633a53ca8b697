package org.jijukirwa.ingest;

import java.io.Serializable;

import static java.util.Objects.requireNonNull;

/**
 * One data file of a run: where it is, its path relative to the input folder
 * (forward slashes; what the tables and the report call it), its record set,
 * format, column resolution and content hash. Sent to the tasks that read it.
 * A table of a field tool's export has its {@code fieldExport} plan (else null); its relative path names the
 * table ({@code export.xlsx#Sheet}, {@code export.zip!form-attendee.csv}) and its content hash is the physical
 * file's SHA-256 followed by the same suffix.
 */
public record InputFile(String absolutePath, String relativePath, RecordSet recordSet, SourceFormat format, ColumnResolver resolver, String contentSha256,
                        FieldExport fieldExport)
        implements Serializable
{
    public InputFile(String absolutePath, String relativePath, RecordSet recordSet, SourceFormat format, ColumnResolver resolver, String contentSha256)
    {
        this(absolutePath, relativePath, recordSet, format, resolver, contentSha256, null);
    }

    public InputFile
    {
        requireNonNull(absolutePath, "absolutePath is null");
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(recordSet, "recordSet is null");
        requireNonNull(format, "format is null");
        requireNonNull(resolver, "resolver is null");
        requireNonNull(contentSha256, "contentSha256 is null");
        if ((format == SourceFormat.FIELD_EXPORT) != (fieldExport != null)) {
            throw new IllegalArgumentException("a field export, and only one, has a field export plan");
        }
    }
}
