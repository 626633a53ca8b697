package org.jijukirwa.dashboard.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest
{
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fiveFailuresLockTheAccountForThirtySecondsThenTwiceAsLongEachTime()
    {
        failTimes("maria", "10.0.0.1", 4);
        assertThat(throttle.lockedFor("maria", "10.0.0.1")).isEmpty();

        throttle.recordFailure("maria", "10.0.0.1");
        assertThat(throttle.lockedFor("maria", "10.0.0.1")).contains(Duration.ofSeconds(30));
        // the account is locked from every address
        assertThat(throttle.lockedFor("maria", "10.0.0.2")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("ange", "10.0.0.2")).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("maria", "10.0.0.1")).isEmpty();
        failTimes("maria", "10.0.0.1", 5);
        assertThat(throttle.lockedFor("maria", "10.0.0.1")).contains(Duration.ofMinutes(1));
    }

    @Test
    void lockoutsGrowToFifteenMinutesAtMost()
    {
        for (int lockout = 0; lockout < 12; lockout++) {
            failTimes("maria", "10.0.0." + lockout, 5);
            clock.advance(throttle.lockedFor("maria", "10.0.0." + lockout).orElseThrow());
        }
        failTimes("maria", "10.0.0.99", 5);
        assertThat(throttle.lockedFor("maria", "10.0.0.99")).contains(SignInThrottle.MAX_LOCK);
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten()
    {
        failTimes("maria", "10.0.0.1", 4);
        clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
        throttle.recordFailure("maria", "10.0.0.1");

        assertThat(throttle.lockedFor("maria", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountsAndTheAddresssFailures()
    {
        failTimes("maria", "10.0.0.1", 4);
        throttle.recordSuccess("maria", "10.0.0.1");
        failTimes("maria", "10.0.0.1", 4);

        assertThat(throttle.lockedFor("maria", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedAfterTwentyFailures()
    {
        for (int name = 0; name < 19; name++) {
            throttle.recordFailure("guess-" + name, "10.0.0.66");
        }
        assertThat(throttle.lockedFor("someone-new", "10.0.0.66")).isEmpty();

        throttle.recordFailure("guess-19", "10.0.0.66");

        assertThat(throttle.lockedFor("someone-new", "10.0.0.66")).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("someone-new", "10.0.0.67")).isEmpty();
    }

    @Test
    void unknownAndKnownNamesAreTreatedAlike()
    {
        failTimes("no-such-user", "10.0.0.1", 5);
        failTimes("maria", "10.0.0.2", 5);

        assertThat(throttle.lockedFor("no-such-user", "10.0.0.3")).isEqualTo(throttle.lockedFor("maria", "10.0.0.3"));
    }

    @Test
    void randomNamesCannotFillTheMemory()
    {
        for (int name = 0; name < SignInThrottle.MAX_TRACKED * 2; name++) {
            throttle.recordFailure("random-" + name, "10.1." + (name / 250) + "." + (name % 250));
        }

        assertThat(throttle.trackedCount()).isLessThanOrEqualTo(SignInThrottle.MAX_TRACKED);
    }

    private void failTimes(String name, String address, int times)
    {
        for (int attempt = 0; attempt < times; attempt++) {
            throttle.recordFailure(name, address);
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock
            extends Clock
    {
        private Instant now;

        MovableClock(Instant now)
        {
            this.now = now;
        }

        void advance(Duration duration)
        {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone()
        {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone)
        {
            return this;
        }

        @Override
        public Instant instant()
        {
            return now;
        }
    }
}
