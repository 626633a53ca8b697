package org.jijukirwa.dashboard.api;

import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests that pinned the server (issue 18) are refused at once over real HTTP: a 400 naming what to narrow. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedRequestsTest
{
    @RegisterExtension
    final DashboardServer server = DashboardServer.over("bounded", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/indicators/members_active?from=0001-01-01&to=9999-12-31&grain=month | from",
            "/api/v1/indicators/formalisation_rate?by=district,value_chain&grain=month&from=1900-01-01&to=2100-12-31 | grain",
            "/api/v1/indicators/coops_formed?as_of=-9999-01-01 | as_of",
            "/api/v1/export/iati-results.xml?from=-2019-01-01 | from",
            "/api/v1/export/members_active.csv?grain=month&from=1950-01-01&to=2010-12-31 | grain",
    })
    void aCenturiesWideRequestIsABadRequestThatSaysWhatToNarrow(String uri, String parameter)
    {
        ApiClient.Response response = server.api().get(uri);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("parameter").asText()).isEqualTo(parameter);
        assertThat(response.json().get("error").asText()).endsWith(".");
    }
}
