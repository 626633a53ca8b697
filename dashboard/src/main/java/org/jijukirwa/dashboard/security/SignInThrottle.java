package org.jijukirwa.dashboard.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Makes guessing passwords slow: repeated failed sign-ins lock the account name, and separately the client
 * address, for a time that doubles with each lockout. While locked, no password is checked, the right one
 * included. Unknown names are counted like known ones, so a lockout does not tell which names exist.
 * <ul>
 *   <li>an account name: {@value #ACCOUNT_FAILURES} failures within {@link #WINDOW} lock it for 30 s, then 1, 2, 4… min, at most 15 min;</li>
 *   <li>a client address: {@value #ADDRESS_FAILURES} failures within {@link #WINDOW} lock it for 1 min, then 2, 4… min, at most 15 min.</li>
 * </ul>
 * A success clears the account's and the address's failures. At most {@value #MAX_TRACKED} names and addresses
 * are tracked (the oldest unlocked ones are forgotten first), so random names cannot fill the memory.
 */
@Singleton
public final class SignInThrottle
{
    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;
    private static final Duration FIRST_ACCOUNT_LOCK = Duration.ofSeconds(30);
    private static final Duration FIRST_ADDRESS_LOCK = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Failures> tracked = new LinkedHashMap<>(16, 0.75f, true);

    @Inject
    public SignInThrottle()
    {
        this(Clock.systemUTC());
    }

    SignInThrottle(Clock clock)
    {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** How long the account name or the address stays locked, the longer of the two; empty when neither is. */
    public synchronized Optional<Duration> lockedFor(String accountName, String address)
    {
        Instant now = clock.instant();
        Duration account = remaining(accountKey(accountName), now);
        Duration client = remaining(addressKey(address), now);
        Duration longer = account.compareTo(client) >= 0 ? account : client;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    public synchronized void recordFailure(String accountName, String address)
    {
        Instant now = clock.instant();
        fail(accountKey(accountName), now, ACCOUNT_FAILURES, FIRST_ACCOUNT_LOCK);
        fail(addressKey(address), now, ADDRESS_FAILURES, FIRST_ADDRESS_LOCK);
        forgetBeyondLimit(now);
    }

    public synchronized void recordSuccess(String accountName, String address)
    {
        tracked.remove(accountKey(accountName));
        tracked.remove(addressKey(address));
    }

    synchronized int trackedCount()
    {
        return tracked.size();
    }

    private Duration remaining(String key, Instant now)
    {
        Failures failures = tracked.get(key);
        if (failures == null || failures.lockedUntil == null || !failures.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil);
    }

    private void fail(String key, Instant now, int allowed, Duration firstLock)
    {
        Failures failures = tracked.computeIfAbsent(key, ignored -> new Failures(now));
        if (Duration.between(failures.windowStart, now).compareTo(WINDOW) > 0) {
            failures.windowStart = now;
            failures.count = 0;
        }
        failures.count++;
        if (failures.count >= allowed) {
            Duration lock = firstLock.multipliedBy(1L << Math.min(failures.lockouts, 10));
            failures.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            failures.lockouts++;
            failures.count = 0;
            failures.windowStart = now;
        }
    }

    private void forgetBeyondLimit(Instant now)
    {
        Iterator<Map.Entry<String, Failures>> oldestFirst = tracked.entrySet().iterator();
        while (tracked.size() > MAX_TRACKED && oldestFirst.hasNext()) {
            Failures failures = oldestFirst.next().getValue();
            if (failures.lockedUntil == null || !failures.lockedUntil.isAfter(now)) {
                oldestFirst.remove();
            }
        }
    }

    private static String accountKey(String accountName)
    {
        return "account:" + (accountName == null ? "" : accountName);
    }

    private static String addressKey(String address)
    {
        return "address:" + (address == null ? "" : address);
    }

    private static final class Failures
    {
        private Instant windowStart;
        private int count;
        private int lockouts;
        private Instant lockedUntil;

        private Failures(Instant windowStart)
        {
            this.windowStart = windowStart;
        }
    }
}
