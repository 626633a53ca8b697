package org.jijukirwa.dashboard.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Security headers on every response, errors and rejections included; the pages have no inline script or style. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SecurityHeadersFilter
        implements Ordered
{
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'";

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response)
    {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
    }

    /**
     * The Basic challenge goes only to a request that tried Basic auth and got a 401 (a script); a browser that never
     * tried it gets none, or it would prompt for a password over the dashboard's sign-in page.
     */
    @ResponseFilter
    public void challengeFailedBasic(HttpRequest<?> request, MutableHttpResponse<?> response)
    {
        if (response.status() == HttpStatus.UNAUTHORIZED && FailedSignInFilter.triedBasic(request)) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, FailedSignInFilter.CHALLENGE);
        }
    }

    @Override
    public int getOrder()
    {
        // outermost, so that the security filter's rejections get the headers too
        return HIGHEST_PRECEDENCE;
    }
}
