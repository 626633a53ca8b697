package org.jijukirwa.ingest;

import static java.util.Objects.requireNonNull;

/**
 * A data file the run did not read at all, with why and what to do (run report {@code rejected_files}): the rest of
 * the input is still published. A rejected file is not recorded as ingested, so the next run reads it again.
 */
public record FileRejection(String file, Reason reason, String message)
{
    public FileRejection
    {
        requireNonNull(file, "file is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(message, "message is null");
    }

    /**
     * The file-level reason codes of docs/data-contract.md ("Rejected files"); a new one is one more constant here and
     * one more row there (DataContractDocsTest checks both ways).
     */
    public enum Reason
    {
        UNREADABLE("unreadable"),
        NOT_TEXT("not_text"),
        NOT_UTF8("not_utf8"),
        BAD_UTF16("bad_utf16"),
        LINE_TOO_LONG("line_too_long"),
        TOO_WIDE("too_wide"),
        DUPLICATE_COLUMN("duplicate_column"),
        CORRUPT_EXPORT("corrupt_export");

        private final String code;

        Reason(String code)
        {
            this.code = code;
        }

        public String code()
        {
            return code;
        }
    }

    /** One line for the terminal: {@code path: rejected (code): message}. */
    public String line()
    {
        return file + ": rejected (" + reason.code() + "): " + message;
    }
}
