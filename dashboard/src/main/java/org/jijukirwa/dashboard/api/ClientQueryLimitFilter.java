package org.jijukirwa.dashboard.api;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.errors.ApiError;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One visitor cannot take every query slot: each client address may have at most
 * {@code jijukirwa.warehouse.queries-per-client} answers and exports under way at once; one more gets 429 with
 * Retry-After, before it costs the warehouse anything. (The address is {@link AuditLog#clientAddress}'s: the connection's,
 * or behind a proxy listed in {@code jijukirwa.server.trusted-proxies} the visitor's it forwarded.)
 */
@ServerFilter({"/api/v1/indicators/*", "/api/v1/export/**"})
public final class ClientQueryLimitFilter
{
    private static final String HOLDS_PERMIT = ClientQueryLimitFilter.class.getName() + ".permit";

    private final int perClient;
    /** Requests under way per address; an address with none has no entry. Changed only by compute (atomic per address). */
    private final ConcurrentMap<String, Integer> underWay = new ConcurrentHashMap<>();

    /** The setting is checked (at least 1) with the warehouse's configuration. */
    public ClientQueryLimitFilter(@Value("${jijukirwa.warehouse.queries-per-client:8}") int perClient)
    {
        if (perClient < 1) {
            throw new IllegalArgumentException("jijukirwa.warehouse.queries-per-client must be at least 1, not " + perClient);
        }
        this.perClient = perClient;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> enter(HttpRequest<?> request)
    {
        String client = AuditLog.clientAddress(request);
        if (underWay.compute(client, (key, count) -> count == null ? 1 : count + 1) > perClient) {
            leave(client);
            return HttpResponse.<ApiError>status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(ApiError.of("Too many queries at once from your address: at most " + perClient
                            + " answers or exports at a time. Wait for one to finish, then ask again."));
        }
        request.setAttribute(HOLDS_PERMIT, client);
        return null;
    }

    @ResponseFilter
    public void exit(HttpRequest<?> request, MutableHttpResponse<?> response)
    {
        request.getAttribute(HOLDS_PERMIT, String.class).ifPresent(client -> {
            request.removeAttribute(HOLDS_PERMIT, String.class);
            leave(client);
        });
    }

    private void leave(String client)
    {
        underWay.compute(client, (key, count) -> count == null || count <= 1 ? null : count - 1);
    }
}
