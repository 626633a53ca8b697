package org.jijukirwa.dashboard.errors;

import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A bug becomes a 500 whose body says nothing about it: no message, no stack trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnexpectedErrorTest
{
    static final String ENABLING_PROPERTY = "jijukirwa.test.failing-controller";

    @RegisterExtension
    final DashboardServer server = DashboardServer.overEmptyWarehouse("failing").withProperty(ENABLING_PROPERTY, "true");

    @Test
    void unexpectedErrorIsAGenericServerError()
    {
        ApiClient.Response response = server.api().get("/api/v1/failing");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json()).isEqualTo(ApiClient.json("{\"error\": \"Something went wrong on the server. The error has been logged.\"}"));
        assertThat(response.body()).doesNotContain("secret", "IllegalStateException", "at org.");
        assertThat(response.header("Content-Security-Policy")).isNotBlank();
    }
}
