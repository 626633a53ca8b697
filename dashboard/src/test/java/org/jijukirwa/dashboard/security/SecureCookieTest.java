package org.jijukirwa.dashboard.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a proxy that ends TLS the server sees plain HTTP: one setting makes the session cookie Secure all the same. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureCookieTest
{
    @RegisterExtension
    final DashboardServer server = DashboardServer.over("secure-cookie", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withProperty("micronaut.security.token.cookie.cookie-secure", "true");

    @Test
    void theSessionCookieIsSecureWhenConfigured()
    {
        ApiClient.Response response = server.api().send(HttpRequest.POST("/api/v1/session", Map.of("user", TestUsers.MANAGER, "password", TestUsers.MANAGER_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON_TYPE));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.response().getHeaders().getAll("Set-Cookie")).singleElement().asString()
                .startsWith("jijukirwa_session=").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    }
}
