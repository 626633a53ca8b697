package org.jijukirwa.dashboard.api;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.jijukirwa.warehouse.Deadline;
import org.jijukirwa.warehouse.Warehouse;

/**
 * The one deadline of an answer or export, set when the request arrives (before any other filter, and before it waits
 * for a thread of the blocking executor), so that the time it queued counts against the time limit too.
 */
@ServerFilter({"/api/v1/indicators/*", "/api/v1/export/**"})
public final class RequestDeadline
        implements Ordered
{
    private static final String ATTRIBUTE = RequestDeadline.class.getName();

    private final Warehouse warehouse;

    public RequestDeadline(Warehouse warehouse)
    {
        this.warehouse = warehouse;
    }

    @Override
    public int getOrder()
    {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    public void arrived(HttpRequest<?> request)
    {
        request.setAttribute(ATTRIBUTE, warehouse.deadline());
    }

    /** The request's deadline, set when it arrived; one from now for a request that bypassed the filter. */
    public static Deadline of(HttpRequest<?> request, Warehouse warehouse)
    {
        return request.getAttribute(ATTRIBUTE, Deadline.class).orElseGet(warehouse::deadline);
    }
}
