package org.jijukirwa.dashboard;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong passwords cost the guesser: over real HTTP, five failures lock the name, known or not, for everyone. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInAbuseTest
        implements TestPropertyProvider
{
    @Inject
    @Client("/")
    HttpClient httpClient;

    @Inject
    UserAuthenticationProvider<?> authentication;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties()
    {
        return TestUsers.propertiesWithNewWarehouse("sign-in-abuse", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse));
    }

    @BeforeAll
    void createClient()
    {
        api = new ApiClient(httpClient);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
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
    void anUnknownNameIsLockedLikeAKnownOneAndCheckedAsSlowly()
    {
        for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_FAILURES; attempt++) {
            assertThat(api.get("/api/v1/runs", "nobody", "guess-" + attempt).status()).isEqualTo(401);
        }

        assertThat(api.get("/api/v1/runs", "nobody", "guess").status()).isEqualTo(429);
        // the configured users' hashes have 1,000 iterations (TestUsers): an unknown name is checked with as many
        assertThat(authentication.unknownUserIterations()).isEqualTo(1_000);
    }
}
