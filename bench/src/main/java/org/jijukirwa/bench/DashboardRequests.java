package org.jijukirwa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fixed set of typical dashboard requests (dashboard-requests.json), each a name and an API path. */
public record DashboardRequests(List<DashboardRequests.Request> requests)
{
    /** The date every request is anchored on: the national preset's as-of date. */
    public static final String ANCHOR_DATE = "2024-12-31";
    private static final String INDICATORS_PATH = "/api/v1/indicators/";

    public record Request(String name, String path)
    {
        /**
         * The same request on a date {@code days} earlier (as_of, or to): a request no server has answered
         * yet, for cold latencies, as costly to compute as the original.
         */
        public String variantPath(int days)
        {
            return path.replace(ANCHOR_DATE, LocalDate.parse(ANCHOR_DATE).minusDays(days).toString());
        }

        /** The indicator of the path: {@code /api/v1/indicators/{id}?...}. */
        public String indicatorId()
        {
            int query = path.indexOf('?');
            return path.substring(INDICATORS_PATH.length(), query < 0 ? path.length() : query);
        }

        /** The path's query parameters, decoded. */
        public Map<String, String> parameters()
        {
            Map<String, String> parameters = new LinkedHashMap<>();
            int query = path.indexOf('?');
            if (query < 0) {
                return parameters;
            }
            for (String pair : path.substring(query + 1).split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return parameters;
        }
    }

    public static DashboardRequests load()
    {
        try (InputStream in = DashboardRequests.class.getResourceAsStream("dashboard-requests.json")) {
            JsonNode tree = new ObjectMapper().readTree(in);
            List<Request> requests = new ArrayList<>();
            for (JsonNode request : tree.get("requests")) {
                String path = request.get("path").asText();
                if (!path.startsWith(INDICATORS_PATH)) {
                    throw new IllegalStateException("not an indicator request: " + path);
                }
                requests.add(new Request(request.get("name").asText(), path));
            }
            return new DashboardRequests(List.copyOf(requests));
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read dashboard-requests.json", e);
        }
    }
}
