package org.jijukirwa.dashboard.security;

import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong passwords cost the guesser: over real HTTP, five failures lock the name, known or not, for everyone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInAbuseTest
{
    @RegisterExtension
    final DashboardServer server = DashboardServer.over("sign-in-abuse", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse));

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        ApiClient api = server.api();
        for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_FAILURES; attempt++) {
            assertThat(api.get("/api/v1/runs", TestUsers.MANAGER, "guess-" + attempt).status()).isEqualTo(401);
        }

        ApiClient.Response locked = api.get("/api/v1/runs", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.response().getHeaders().get("Retry-After")).isEqualTo("30");
        assertThat(locked.json().get("error").asText()).isEqualTo("Too many failed sign-ins: try again in 30 s.");
        // another account is not locked by it
        assertThat(api.get("/api/v1/runs", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownNameIsLockedLikeAKnownOne()
    {
        ApiClient api = server.api();
        for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_FAILURES; attempt++) {
            assertThat(api.get("/api/v1/runs", "nobody", "guess-" + attempt).status()).isEqualTo(401);
        }

        assertThat(api.get("/api/v1/runs", "nobody", "guess").status()).isEqualTo(429);
    }

    @Test
    void anUnknownNameIsCheckedWithTheUsersOwnIterationCount()
    {
        UserAuthenticationProvider<Object> provider = new UserAuthenticationProvider<>(
                List.of(new UserAccount("maria", PasswordHash.create("secret", 1_234), List.of("manager"))), new SignInThrottle(),
                new AuditLog(server.warehouse().resolve("unused-audit.jsonl"), Clock.systemUTC()));

        assertThat(provider.unknownUserIterations()).isEqualTo(1_234);
    }
}
