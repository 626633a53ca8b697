package org.jijukirwa.dashboard.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

/**
 * The API's answers depend on who asks (a manager's figures are unsuppressed): an answer to a signed-in request is
 * never stored by a cache ({@code private, no-store}), and every answer varies by the credentials, so that no
 * cache hands one person's answer to another.
 */
@ServerFilter("/api/**")
public final class PrivateAnswersFilter
        implements Ordered
{
    @ResponseFilter
    public void markPrivate(HttpRequest<?> request, MutableHttpResponse<?> response)
    {
        response.getHeaders().add(HttpHeaders.VARY, "Cookie, Authorization");
        if (request.getUserPrincipal(Authentication.class).isPresent()) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "private, no-store");
        }
    }

    @Override
    public int getOrder()
    {
        return ServerFilterPhase.SECURITY.after();
    }
}
