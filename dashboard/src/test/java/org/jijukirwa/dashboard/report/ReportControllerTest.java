package org.jijukirwa.dashboard.report;

import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's page and PDF over the small programme (as of 2020-06-30): good parameters serve the page, bad ones are
 * a 400 naming the parameter (page and PDF alike), and a server whose Chromium is missing says so in a 503.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportControllerTest
{
    @RegisterExtension
    final DashboardServer server = DashboardServer.over("report", warehouse -> SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withProperty("jijukirwa.report.chromium", "/nonexistent/chromium");

    @Test
    void theReportPageIsServedForAPeriodAndPlace()
    {
        for (String query : new String[] {"", "?period=2020-Q2", "?period=2019&place=Gasabo&lang=fr", "?place=Kigali+City&lang=rw", "?place=programme"}) {
            ApiClient.Response response = server.api().get("/report" + query);
            assertThat(response.status()).as(query).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(query).startsWith("text/html");
            assertThat(response.body()).as(query).contains("assets/report.js");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "period=2020-Q5            | period | '2020-Q5' is not a period; write a quarter as 2020-Q4 or a year as 2020.",
            "period=Q4-2020            | period | 'Q4-2020' is not a period; write a quarter as 2020-Q4 or a year as 2020.",
            "period=1800               | period | '1800' is out of range; the period's year must lie between 1900 and 2100.",
            "period=2020-Q3            | period | '2020-Q3' starts after the data, which are as of 2020-06-30; choose a period up to that date.",
            "place=Atlantis            | place  | 'Atlantis' is neither a province nor a district; use programme, Kigali City, Southern, Western, Northern, Eastern, or a district such as Nyarugenge.",
            "place=gasabo              | place  | 'gasabo' is neither a province nor a district; use programme, Kigali City, Southern, Western, Northern, Eastern, or a district such as Nyarugenge.",
            "lang=de                   | lang   | 'de' is not a language of the report; use one of en, fr, rw.",
            "by=district               | by     | 'by' is not a parameter of the report; use period, place and lang.",
    })
    void aBadParameterIsA400NamingIt(String query, String parameter, String message)
    {
        for (String path : new String[] {"/report?", "/report.pdf?"}) {
            ApiClient.Response response = server.api().get(path + query);
            assertThat(response.status()).as(path + query).isEqualTo(400);
            assertThat(response.json().get("parameter").asText()).isEqualTo(parameter);
            assertThat(response.json().get("error").asText()).isEqualTo(message);
        }
    }

    @Test
    void withoutChromiumThePdfIsA503ThatSaysSo()
    {
        ApiClient.Response response = server.api().get("/report.pdf?period=2020-Q2");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("error").asText()).isEqualTo("The PDF cannot be made on this server: Chromium is not installed at "
                + "/nonexistent/chromium (install Debian's chromium, or set jijukirwa.report.chromium). The report page can still be printed from the browser.");
    }
}
