package org.jijukirwa.warehouse;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The one time limit of a request: waiting for a query slot, the SQL, reading its rows and writing the answer all count
 * against it, and every query a request runs (the IATI document runs several) shares it. Past it, {@link #check()}
 * throws a {@link WarehouseBusyException} (the dashboard answers 503 with Retry-After). Thread-safe (immutable).
 */
public final class Deadline
{
    private final Duration limit;
    private final long endNanos;

    private Deadline(Duration limit, long endNanos)
    {
        this.limit = requireNonNull(limit, "limit is null");
        this.endNanos = endNanos;
    }

    /** A deadline {@code limit} from now. */
    public static Deadline after(Duration limit)
    {
        requireNonNull(limit, "limit is null");
        return new Deadline(limit, System.nanoTime() + limit.toNanos());
    }

    /** The whole limit this deadline was set with. */
    public Duration limit()
    {
        return limit;
    }

    /** Nanoseconds left, zero or negative once passed. */
    public long remainingNanos()
    {
        return endNanos - System.nanoTime();
    }

    public boolean passed()
    {
        return remainingNanos() <= 0;
    }

    /** Throws the busy answer once the deadline has passed. */
    public void check()
    {
        if (passed()) {
            throw stopped(null);
        }
    }

    /** The busy answer of a request stopped at its deadline. */
    public WarehouseBusyException stopped(Throwable cause)
    {
        return new WarehouseBusyException("The query was stopped after " + seconds(limit) + ", its time limit: ask for a shorter period, "
                + "a coarser grain or fewer breakdowns, or ask again later.", retryAfterSeconds(), cause);
    }

    /** The busy answer of a request that found every query slot taken until its deadline. */
    public WarehouseBusyException noSlot()
    {
        return new WarehouseBusyException("The server is busy: every query slot stayed taken for " + seconds(limit)
                + ". Ask again in a few seconds.", retryAfterSeconds(), null);
    }

    public int retryAfterSeconds()
    {
        return (int) Math.max(1, Math.min(60, limit.toSeconds()));
    }

    static String seconds(Duration duration)
    {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
