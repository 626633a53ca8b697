package org.jijukirwa.dashboard.errors;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A bug becomes a 500 whose body says nothing about it: no message, no stack trace. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnexpectedErrorTest
        implements TestPropertyProvider
{
    static final String ENABLING_PROPERTY = "jijukirwa.test.failing-controller";

    @Inject
    @Client("/")
    HttpClient httpClient;

    @Override
    public Map<String, String> getProperties()
    {
        Map<String, String> properties = new HashMap<>(TestUsers.propertiesWithNewWarehouse("failing", warehouse -> {
        }));
        properties.put(ENABLING_PROPERTY, "true");
        return properties;
    }

    @Test
    void unexpectedErrorIsAGenericServerError()
    {
        ApiClient.Response response = new ApiClient(httpClient).get("/api/v1/failing");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json()).isEqualTo(ApiClient.json("{\"error\": \"Something went wrong on the server. The error has been logged.\"}"));
        assertThat(response.body()).doesNotContain("secret", "IllegalStateException", "at org.");
        assertThat(response.header("Content-Security-Policy")).isNotBlank();
    }
}
