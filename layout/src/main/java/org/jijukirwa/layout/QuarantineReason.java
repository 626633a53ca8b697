package org.jijukirwa.layout;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The quarantine reason codes of docs/data-contract.md, as they stand in the quarantine's {@code reasons}
 * and in the run report. A reason about one column is written {@code code:column} ({@code invalid_date:formed_on}).
 * A new reason is one more constant here and one more row in the contract's table (a test checks both ways).
 */
public enum QuarantineReason
{
    MALFORMED_ROW("malformed_row", false),
    MISSING_REQUIRED("missing_required", true),
    INVALID_DATE("invalid_date", true),
    INVALID_VALUE("invalid_value", true),
    UNKNOWN_DISTRICT("unknown_district", false),
    UNKNOWN_VALUE_CHAIN("unknown_value_chain", false),
    UNKNOWN_TOPIC("unknown_topic", false),
    DATE_IN_FUTURE("date_in_future", true),
    DATE_ORDER("date_order", true),
    UNKNOWN_COOPERATIVE("unknown_cooperative", false),
    REJECTED_IN_REVIEW("rejected_in_review", false);

    private final String name;
    private final boolean aboutColumn;

    QuarantineReason(String name, boolean aboutColumn)
    {
        this.name = name;
        this.aboutColumn = aboutColumn;
    }

    /** The code of a reason about the whole row. */
    public String code()
    {
        if (aboutColumn) {
            throw new IllegalStateException(name + " names a column: use code(column)");
        }
        return name;
    }

    /** The code of a reason about one column: {@code name:column}. */
    public String code(String column)
    {
        requireNonNull(column, "column is null");
        if (!aboutColumn) {
            throw new IllegalStateException(name + " names no column: use code()");
        }
        return name + ":" + column;
    }

    public boolean aboutColumn()
    {
        return aboutColumn;
    }

    /** How the contract writes the code: {@code malformed_row}, {@code missing_required:<column>}. */
    public String template()
    {
        return aboutColumn ? name + ":<column>" : name;
    }

    /** The reason a code stands for ({@code invalid_date:formed_on} is {@link #INVALID_DATE}), if any. */
    public static Optional<QuarantineReason> ofCode(String code)
    {
        requireNonNull(code, "code is null");
        int colon = code.indexOf(':');
        String name = colon < 0 ? code : code.substring(0, colon);
        for (QuarantineReason reason : values()) {
            if (reason.name.equals(name) && reason.aboutColumn == (colon > 0 && colon < code.length() - 1)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
