package org.jijukirwa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fixed set of typical dashboard requests (dashboard-requests.json): each with its API path and the
 * SQL the warehouse generates for it, with that SQL's parameters. The warehouse keeps its SQL generator
 * to itself, so the SQL is a copy captured from it (see BENCHMARKS.md).
 */
public record DashboardRequests(List<DashboardRequests.Request> requests)
{
    /** The date every request is anchored on: the national preset's as-of date. */
    public static final String ANCHOR_DATE = "2024-12-31";

    public record Request(String name, String path, String sql, List<Object> parameters)
    {
        /**
         * The same request on a date {@code days} earlier (as_of, or to): a request no server has answered
         * yet, for cold latencies, as costly to compute as the original.
         */
        public String variantPath(int days)
        {
            return path.replace(ANCHOR_DATE, LocalDate.parse(ANCHOR_DATE).minusDays(days).toString());
        }
    }

    public static DashboardRequests load()
    {
        try (InputStream in = DashboardRequests.class.getResourceAsStream("dashboard-requests.json")) {
            JsonNode tree = new ObjectMapper().readTree(in);
            List<Request> requests = new ArrayList<>();
            for (JsonNode request : tree.get("requests")) {
                List<Object> parameters = new ArrayList<>();
                for (JsonNode parameter : request.get("parameters")) {
                    JsonNode value = parameter.get("value");
                    parameters.add(switch (parameter.get("type").asText()) {
                        case "null" -> null;
                        case "date" -> LocalDate.parse(value.asText());
                        case "boolean" -> value.asBoolean();
                        default -> value.asText();
                    });
                }
                requests.add(new Request(request.get("name").asText(), request.get("path").asText(), request.get("sql").asText(), parameters));
            }
            return new DashboardRequests(List.copyOf(requests));
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read dashboard-requests.json", e);
        }
    }
}
