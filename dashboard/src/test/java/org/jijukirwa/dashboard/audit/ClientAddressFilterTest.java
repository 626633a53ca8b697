package org.jijukirwa.dashboard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behind a trusted proxy the client is X-Forwarded-For's last untrusted hop; without the setting, forwarded headers are not believed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAddressFilterTest
{
    @RegisterExtension
    final DashboardServer behindProxy = DashboardServer.over("trusted-proxy", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withProperty(ClientAddressFilter.PROPERTY, "127.0.0.1, 10.0.0.2");

    @RegisterExtension
    final DashboardServer direct = DashboardServer.over("no-trusted-proxy", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse));

    @Test
    void theClientIsTheLastHopNoTrustedProxyWrote()
    {
        ClientAddressFilter filter = new ClientAddressFilter("127.0.0.1, 10.0.0.2,::1");
        // the proxy appends the address it saw; what the visitor wrote before it is not believed
        assertThat(filter.clientOf("127.0.0.1", List.of("198.51.100.7, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // through two trusted proxies, header lines joined in order
        assertThat(filter.clientOf("127.0.0.1", List.of("198.51.100.7", "203.0.113.9, 10.0.0.2"))).isEqualTo("203.0.113.9");
        assertThat(filter.clientOf("0:0:0:0:0:0:0:1", List.of("[2001:db8::5]"))).isEqualTo("2001:db8:0:0:0:0:0:5");
        // a malformed hop: nothing before it is believed, the last trusted hop stands
        assertThat(filter.clientOf("127.0.0.1", List.of("203.0.113.9, not-an-address, 10.0.0.2"))).isEqualTo("10.0.0.2");
        // no header from the proxy: the proxy itself
        assertThat(filter.clientOf("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        // a connection from anywhere else: its header is anybody's
        assertThat(filter.clientOf("192.0.2.1", List.of("203.0.113.9"))).isEqualTo("192.0.2.1");
        assertThatThrownBy(() -> new ClientAddressFilter("proxy.example.org"))
                .hasMessage("jijukirwa.server.trusted-proxies must list IP addresses (comma-separated), not 'proxy.example.org'");
    }

    @Test
    void aFailedSignInIsRecordedWithTheForwardedAddressOnlyBehindATrustedProxy()
    {
        for (DashboardServer server : List.of(behindProxy, direct)) {
            server.api().send(HttpRequest.GET("/api/v1/indicators").basicAuth(TestUsers.ADMIN, "typo")
                    .header("X-Forwarded-For", "198.51.100.7, 203.0.113.9"));
        }
        assertThat(failedSignIns(behindProxy)).containsExactly("203.0.113.9");
        assertThat(failedSignIns(direct)).containsExactly("127.0.0.1");
    }

    private static List<String> failedSignIns(DashboardServer server)
    {
        List<String> addresses = new ArrayList<>();
        for (JsonNode entry : server.api().get("/api/v1/audit?limit=1000", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).json().get("entries")) {
            if (entry.get("action").asText().equals("sign-in-failed")) {
                addresses.add(entry.get("address").asText());
            }
        }
        return addresses;
    }
}
