package org.jijukirwa.dashboard.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One line of the audit log.
 *
 * @param at when it happened
 * @param user who did it: the signed-in name, or the name tried for a failed sign-in; null for an anonymous visitor
 * @param address the connecting address, when the action came from a request
 * @param action what was done, a short stable code such as {@code sign-in}, {@code sign-in-failed}, {@code upload}
 * @param detail what it was done to, in words (file names, run id, query); never a password or personal data
 */
@Serdeable
public record AuditEntry(Instant at, @Nullable String user, @Nullable String address, String action, String detail)
{
    public AuditEntry
    {
        requireNonNull(at, "at");
        requireNonNull(action, "action");
        requireNonNull(detail, "detail");
    }
}
