package org.jijukirwa.warehouse;

import static java.util.Objects.requireNonNull;

/**
 * A query that was stopped at its time limit, or that found every query slot taken for as long: the server is
 * busy, not broken (the dashboard answers 503 with Retry-After). The message says what to do.
 */
public class WarehouseBusyException
        extends RuntimeException
{
    private final int retryAfterSeconds;

    public WarehouseBusyException(String message, int retryAfterSeconds, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long to wait before asking again. */
    public int retryAfterSeconds()
    {
        return retryAfterSeconds;
    }
}
