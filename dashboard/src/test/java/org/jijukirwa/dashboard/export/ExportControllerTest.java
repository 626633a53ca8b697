package org.jijukirwa.dashboard.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.jijukirwa.dashboard.testing.ApiClient;
import org.jijukirwa.dashboard.testing.DashboardServer;
import org.jijukirwa.warehouse.testing.SnapshotFixture;
import org.jijukirwa.dashboard.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The file exports of indicator queries, read back and compared with the indicator endpoint's answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportControllerTest
{
    private String snapshotId;

    @RegisterExtension
    final DashboardServer server = DashboardServer.over("exports", warehouse -> snapshotId = SnapshotFixture.smallProgramme().publishTo(warehouse))
            .withProperty("jijukirwa.exports.producer", "Programme monitoring team");

    @Test
    void csvHasTheRowsOfTheAnswerAndANameThatSaysWhatItHolds()
    {
        // as of 2020-06-30: Bugesera 1/1, Gasabo 2/3, Huye 1/2, Kicukiro 1/1, Nyarugenge 0/1
        String query = "formalisation_rate?by=district&as_of=2020-06-30";
        ApiClient.Response response = server.api().get("/api/v1/export/" + query.replace("?", ".csv?"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition"))
                .contains("filename=\"formalisation_rate_by-district_as-of-2020-06-30_" + snapshotId + ".csv\"");
        assertThat(response.body()).isEqualTo("district,numerator,denominator,value,suppressed,suppression\r\n"
                + "Bugesera,1,1,1.0,false,\r\n"
                + "Gasabo,2,3," + (2.0 / 3) + ",false,\r\n"
                + "Huye,1,2,0.5,false,\r\n"
                + "Kicukiro,1,1,1.0,false,\r\n"
                + "Nyarugenge,0,1,0.0,false,\r\n");
        assertThat(csvRows(response.body())).isEqualTo(apiRows(server.api().get("/api/v1/indicators/" + query)));
    }

    @Test
    void thePublicGetsProtectedCountsAndManagersExactOnes()
    {
        // members by 2020-06-30: Gasabo 3, Kicukiro 7, Nyarugenge 6. The public file holds the public answer's protected
        // counts (multiples of 5, nothing suppressed); the manager's holds the exact ones
        String publicCsv = server.api().get("/api/v1/export/members_active.csv?by=district").body();
        assertThat(csvRows(publicCsv)).isEqualTo(apiRows(server.api().get("/api/v1/indicators/members_active?by=district")));
        List<List<String>> rows = parseCsv(publicCsv);
        assertThat(rows.get(0)).containsExactly("district", "numerator", "denominator", "value", "suppressed", "suppression");
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(Long.parseLong(row.get(3)) % 5).as("%s", row).isZero();
            assertThat(row.subList(4, 6)).containsExactly("false", "");
        }
        assertThat(server.api().get("/api/v1/export/members_active.csv?by=district", TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD).body()).isEqualTo(
                "district,numerator,denominator,value,suppressed,suppression\r\n"
                        + "Gasabo,3,,3,false,\r\n"
                        + "Kicukiro,7,,7,false,\r\n"
                        + "Nyarugenge,6,,6,false,\r\n");
        assertThat(server.api().get("/api/v1/export/members_active.csv?by=district", TestUsers.VISITOR, TestUsers.VISITOR_PASSWORD).body())
                .isEqualTo(publicCsv);
    }

    @Test
    void parquetReadBackByDuckDbEqualsTheAnswer()
            throws Exception
    {
        for (String user : List.of("public", TestUsers.MANAGER)) {
            String query = "members_active?by=district,sex&grain=quarter&from=2019-10-01&to=2020-06-30";
            Download download = user.equals("public")
                    ? download("/api/v1/export/" + query.replace("?", ".parquet?"))
                    : download("/api/v1/export/" + query.replace("?", ".parquet?"), TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);
            ApiClient.Response answer = user.equals("public")
                    ? server.api().get("/api/v1/indicators/" + query)
                    : server.api().get("/api/v1/indicators/" + query, TestUsers.MANAGER, TestUsers.MANAGER_PASSWORD);

            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Disposition")).contains(".parquet\"");
            Path file = Files.createTempFile(Path.of("target"), "export-", ".parquet");
            Files.write(file, download.body());
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = connection.createStatement()) {
                Map<String, String> types = new LinkedHashMap<>();
                try (ResultSet columns = statement.executeQuery("describe select * from read_parquet('" + file + "')")) {
                    while (columns.next()) {
                        types.put(columns.getString("column_name"), columns.getString("column_type"));
                    }
                }
                assertThat(types).containsExactly(Map.entry("period", "VARCHAR"), Map.entry("district", "VARCHAR"), Map.entry("sex", "VARCHAR"),
                        Map.entry("numerator", "BIGINT"), Map.entry("denominator", "BIGINT"), Map.entry("value", "DOUBLE"),
                        Map.entry("suppressed", "BOOLEAN"), Map.entry("suppression", "VARCHAR"));
                try (ResultSet rows = statement.executeQuery("select * from read_parquet('" + file + "')")) {
                    assertThat(rows(rows)).isEqualTo(apiRows(answer));
                }
            }
            finally {
                Files.delete(file);
            }
        }
    }

    @Test
    void theDataPackageDescribesTheCsvBesideIt()
            throws IOException
    {
        String query = "women_share?by=district&grain=year&from=2019-01-01&to=2020-06-30";
        Download download = download("/api/v1/export/" + query.replace("?", ".zip?"));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/zip");
        Map<String, byte[]> entries = unzip(download.body());
        String csvName = "women_share_by-district_yearly_2019-01-01-to-2020-06-30_" + snapshotId + ".csv";
        assertThat(entries.keySet()).containsExactly("datapackage.json", csvName);

        JsonNode descriptor = ApiClient.json(new String(entries.get("datapackage.json"), StandardCharsets.UTF_8));
        String csv = new String(entries.get(csvName), StandardCharsets.UTF_8);
        JsonNode resource = descriptor.at("/resources/0");
        assertThat(descriptor.get("profile").asText()).isEqualTo("tabular-data-package");
        assertThat(resource.get("profile").asText()).isEqualTo("tabular-data-resource");
        assertThat(resource.get("path").asText()).isEqualTo(csvName);
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        resource.at("/schema/fields").forEach(field -> {
            names.add(field.get("name").asText());
            types.add(field.get("type").asText());
            assertThat(field.get("description").asText()).isNotBlank();
        });
        assertThat(String.join(",", names)).isEqualTo(csv.substring(0, csv.indexOf("\r\n")));
        assertThat(types).containsExactly("string", "string", "integer", "integer", "number", "boolean", "string");
        assertThat(resource.at("/schema/primaryKey").toString()).isEqualTo("[\"period\",\"district\"]");
        assertThat(resource.at("/schema/missingValues").toString()).isEqualTo("[\"\"]");
        // every value of the CSV has its declared type (an empty field is missing)
        for (List<String> row : parseCsv(csv).subList(1, parseCsv(csv).size())) {
            for (int index = 0; index < row.size(); index++) {
                String value = row.get(index);
                if (value.isEmpty()) {
                    continue;
                }
                switch (types.get(index)) {
                    case "integer" -> Long.parseLong(value);
                    case "number" -> Double.parseDouble(value);
                    case "boolean" -> assertThat(value).isIn("true", "false");
                    default -> assertThat(value).isNotBlank();
                }
            }
        }
        assertThat(csvRows(csv)).isEqualTo(apiRows(server.api().get("/api/v1/indicators/" + query)));

        assertThat(descriptor.at("/indicator/id").asText()).isEqualTo("women_share");
        assertThat(descriptor.at("/indicator/definition").asText()).isEqualTo("active members with sex F / active members with sex F or M");
        assertThat(descriptor.at("/query/grain").asText()).isEqualTo("year");
        assertThat(descriptor.at("/query/from").asText()).isEqualTo("2019-01-01");
        assertThat(descriptor.at("/snapshot/id").asText()).isEqualTo(snapshotId);
        assertThat(descriptor.at("/snapshot/as_of").asText()).isEqualTo("2020-06-30");
        assertThat(descriptor.at("/suppression/applied").asBoolean()).isTrue();
        assertThat(descriptor.at("/suppression/k").asInt()).isEqualTo(5);
        assertThat(descriptor.at("/licenses/0/name").asText()).isEqualTo("CC-BY-4.0");
        assertThat(descriptor.at("/contributors/0/title").asText()).isEqualTo("Programme monitoring team");
    }

    @Test
    void jsonExportIsTheAnswerOfTheIndicatorEndpointAsADownload()
    {
        String query = "coops_registered?by=province&grain=quarter&from=2019-01-01&to=2019-12-31";
        ApiClient.Response download = server.api().get("/api/v1/export/" + query.replace("?", ".json?"));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("attachment").contains(".json\"");
        assertThat(download.json()).isEqualTo(server.api().get("/api/v1/indicators/" + query).json());
    }

    @Test
    void iatiResultsCarryTheProgrammesIndicatorsInTheSchemasOrder()
            throws Exception
    {
        Download download = download("/api/v1/export/iati-results.xml?from=2019-01-01&to=2020-06-30&grain=quarter");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/xml");
        Files.write(Path.of("target", "iati-results-sample.xml"), download.body());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(download.body())).getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("iati-activities");
        assertThat(root.getAttribute("version")).isEqualTo("2.03");
        assertThat(children(root)).extracting(Element::getTagName).containsExactly("iati-activity");
        Element activity = children(root).get(0);
        // the required elements, then the optional ones used, in the order of iati-activities-schema.xsd
        assertThat(children(activity)).extracting(Element::getTagName).containsExactly("iati-identifier", "reporting-org", "title",
                "description", "participating-org", "activity-status", "activity-date", "recipient-country", "result", "result", "result");
        assertThat(child(activity, "iati-identifier").getTextContent()).isEqualTo("XI-IATI-JIJUKIRWA-COOPERATIVES");
        assertThat(child(activity, "reporting-org").getAttribute("ref")).isEqualTo("XI-IATI-JIJUKIRWA");
        assertThat(child(activity, "activity-date").getAttribute("iso-date")).isEqualTo("2019-01-01");

        Map<String, Element> indicators = new LinkedHashMap<>();
        for (Element result : children(activity)) {
            if (!result.getTagName().equals("result")) {
                continue;
            }
            List<String> names = children(result).stream().map(Element::getTagName).toList();
            assertThat(names.subList(0, 2)).containsExactly("title", "description");
            assertThat(names.subList(2, names.size())).containsOnly("indicator");
            for (Element indicator : children(result)) {
                if (indicator.getTagName().equals("indicator")) {
                    indicators.put(child(indicator, "reference").getAttribute("code"), indicator);
                    List<String> parts = children(indicator).stream().map(Element::getTagName).toList();
                    assertThat(parts.subList(0, 4)).containsExactly("title", "description", "reference", "baseline");
                    assertThat(parts.subList(4, parts.size())).hasSize(6).containsOnly("period");
                }
            }
        }
        assertThat(indicators.keySet()).containsExactly("coops_formed", "coops_registered", "formalisation_rate", "training_sessions",
                "persons_reached");

        // cooperatives formed by the end of each quarter of 2019 and 2020-H1 (fixture); the target is 29 for each of 30 districts
        Element formed = indicators.get("coops_formed");
        assertThat(formed.getAttribute("measure")).isEqualTo("1");
        assertThat(child(formed, "baseline").getAttribute("value")).isEqualTo("1");
        assertThat(child(formed, "baseline").getAttribute("iso-date")).isEqualTo("2018-12-31");
        assertThat(actuals(formed, "")).containsExactly("3", "5", "5", "6", "7", "8");
        assertThat(periods(formed, "target")).containsOnly("870");
        Element firstPeriod = children(formed).get(4);
        assertThat(children(firstPeriod)).extracting(Element::getTagName).containsExactly("period-start", "period-end", "target", "actual");
        assertThat(child(firstPeriod, "period-start").getAttribute("iso-date")).isEqualTo("2019-01-01");
        assertThat(child(firstPeriod, "period-end").getAttribute("iso-date")).isEqualTo("2019-03-31");

        assertThat(actuals(indicators.get("coops_registered"), "")).containsExactly("1", "2", "3", "4", "5", "5");
        assertThat(periods(indicators.get("coops_registered"), "target")).containsOnly("214");
        Element formalisation = indicators.get("formalisation_rate");
        assertThat(formalisation.getAttribute("measure")).isEqualTo("2");
        assertThat(actuals(formalisation, "")).containsExactly("33.33", "40", "60", "66.67", "71.43", "62.5");
        assertThat(child(formalisation, "baseline").getAttribute("value")).isEqualTo("0");
        assertThat(actuals(indicators.get("training_sessions"), "")).containsOnly("0");
        assertThat(periods(indicators.get("training_sessions"), "target")).containsOnly("90");
        // members are F, M alternately: Gasabo 3 and Kicukiro 7 from Q1 2019, Nyarugenge 6 from February 2020; so 10
        // persons (5 F, 5 M), then 16 (8 F, 8 M). The public figures are protected (docs/disclosure.md): a multiple of 5
        // stays as it is, 16 becomes 15 or 20 and 8 becomes 5 or 10, the same in both quarters (no date in the key)
        Element persons = indicators.get("persons_reached");
        List<String> total = actuals(persons, "");
        assertThat(total.subList(0, 4)).containsOnly("10");
        assertThat(total.subList(4, 6)).hasSize(2).containsOnly(total.get(4));
        assertThat(total.get(4)).isIn("15", "20");
        for (String sex : List.of("F", "M")) {
            List<String> bySex = actuals(persons, sex);
            assertThat(bySex.subList(0, 4)).as(sex).containsOnly("5");
            assertThat(bySex.subList(4, 6)).as(sex).hasSize(2).containsOnly(bySex.get(4));
            assertThat(bySex.get(4)).as(sex).isIn("5", "10");
        }
        assertThat(actuals(persons, "U")).isEmpty();
        // the IATI file reads the public answers
        assertThat(total.get(5)).isEqualTo(server.api().get("/api/v1/indicators/persons_reached?as_of=2020-06-30").json().at("/rows/0/value").asText());
    }

    /** The value of each period's actual with the sex given ("" for the total). */
    private static List<String> actuals(Element indicator, String sex)
    {
        List<String> values = new ArrayList<>();
        for (Element period : children(indicator)) {
            if (!period.getTagName().equals("period")) {
                continue;
            }
            for (Element actual : children(period)) {
                if (!actual.getTagName().equals("actual")) {
                    continue;
                }
                Element dimension = child(actual, "dimension");
                String actualSex = dimension == null ? "" : dimension.getAttribute("value");
                if (actualSex.equals(sex)) {
                    values.add(actual.getAttribute("value"));
                }
            }
        }
        return values;
    }

    private static List<String> periods(Element indicator, String element)
    {
        return children(indicator).stream().filter(period -> period.getTagName().equals("period"))
                .map(period -> child(period, element)).map(target -> target.getAttribute("value")).toList();
    }

    private static List<Element> children(Element parent)
    {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static Element child(Element parent, String name)
    {
        return children(parent).stream().filter(element -> element.getTagName().equals(name)).findFirst().orElse(null);
    }

    @Test
    void badRequestsAreJsonErrorsAsOnTheIndicatorEndpoint()
    {
        assertError("/api/v1/export/members_active.csv?by=colour", 400, "by");
        assertError("/api/v1/export/coops_formed.parquet?as_of=2019-02-30", 400, "as_of");
        assertError("/api/v1/export/coops_formed.json?district=Atlantis", 400, "district");
        assertError("/api/v1/export/coops_formed.zip?colour=red", 400, "colour");
        assertError("/api/v1/export/no_such_indicator.zip", 404, "id");
        assertError("/api/v1/export/iati-results.xml?grain=month", 400, "grain");
        assertError("/api/v1/export/iati-results.xml?from=2020-13-01", 400, "from");
        assertError("/api/v1/export/iati-results.xml?by=district", 400, "by");
    }

    private void assertError(String uri, int status, String parameter)
    {
        ApiClient.Response response = server.api().get(uri);
        assertThat(response.status()).as(uri).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(uri).startsWith("application/json");
        assertThat(response.json().get("parameter").asText()).as(uri).isEqualTo(parameter);
        assertThat(response.json().get("error").asText()).as(uri).isNotBlank();
    }

    /** The answer's rows, each as its values in column order, numbers as written in JSON. */
    private static List<List<String>> apiRows(ApiClient.Response response)
    {
        assertThat(response.status()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : response.json().get("rows")) {
            List<String> values = new ArrayList<>();
            row.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("suppression")) {
                    values.add(text(field.getValue()));
                }
            });
            values.add(row.has("suppression") ? row.get("suppression").asText() : "");
            rows.add(values);
        }
        return rows;
    }

    /** CSV rows after the header, with numbers normalised as in {@link #text(JsonNode)}. */
    private static List<List<String>> csvRows(String csv)
    {
        List<List<String>> rows = parseCsv(csv);
        List<String> header = rows.get(0);
        List<List<String>> normalised = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            List<String> values = new ArrayList<>();
            for (int index = 0; index < row.size(); index++) {
                String name = header.get(index);
                String value = row.get(index);
                boolean numeric = List.of("numerator", "denominator", "value").contains(name);
                values.add(numeric && !value.isEmpty() ? number(Double.parseDouble(value)) : value);
            }
            normalised.add(values);
        }
        return normalised;
    }

    private static List<List<String>> rows(ResultSet resultSet)
            throws Exception
    {
        ResultSetMetaData metaData = resultSet.getMetaData();
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= metaData.getColumnCount(); column++) {
                Object value = resultSet.getObject(column);
                values.add(value == null ? "" : value instanceof Number number ? number(number.doubleValue()) : value.toString());
            }
            rows.add(values);
        }
        return rows;
    }

    private static String text(JsonNode value)
    {
        if (value.isNull()) {
            return "";
        }
        return value.isNumber() ? number(value.asDouble()) : value.asText();
    }

    /** One spelling for a number whatever its source: 7, 7.0 and 7L are "7". */
    private static String number(double value)
    {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; lines end with CRLF. */
    private static List<List<String>> parseCsv(String csv)
    {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < csv.length(); index++) {
            char character = csv.charAt(index);
            if (quoted) {
                if (character == '"' && index + 1 < csv.length() && csv.charAt(index + 1) == '"') {
                    field.append('"');
                    index++;
                }
                else if (character == '"') {
                    quoted = false;
                }
                else {
                    field.append(character);
                }
            }
            else if (character == '"') {
                quoted = true;
            }
            else if (character == ',') {
                row.add(field.toString());
                field.setLength(0);
            }
            else if (character == '\r' && index + 1 < csv.length() && csv.charAt(index + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                index++;
            }
            else {
                field.append(character);
            }
        }
        return rows;
    }

    private static Map<String, byte[]> unzip(byte[] zip)
            throws IOException
    {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = input.getNextEntry()) != null) {
                entries.put(entry.getName(), input.readAllBytes());
            }
        }
        return entries;
    }

    private Download download(String uri)
    {
        return send(HttpRequest.GET(uri));
    }

    private Download download(String uri, String user, String password)
    {
        return send(HttpRequest.<Object>GET(uri).basicAuth(user, password));
    }

    private Download send(MutableHttpRequest<?> request)
    {
        try {
            HttpResponse<byte[]> response = server.httpClient().toBlocking().exchange(request, byte[].class);
            return new Download(response.code(), response.getBody().orElse(new byte[0]), response);
        }
        catch (HttpClientResponseException e) {
            return new Download(e.getStatus().getCode(), e.getResponse().getBody(byte[].class).orElse(new byte[0]), e.getResponse());
        }
    }

    private record Download(int status, byte[] body, HttpResponse<?> response)
    {
        String header(String name)
        {
            return response.getHeaders().get(name);
        }
    }
}
