package org.jijukirwa.dashboard.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.jijukirwa.dashboard.errors.ApiError;

import java.util.Locale;

/**
 * A request with Basic credentials that do not match is refused, even where anyone may read: otherwise a
 * manager who mistyped the password would silently get the public (suppressed) figures.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class FailedSignInFilter
        implements Ordered
{
    static final String WRONG_PASSWORD = "The user name or password is wrong.";

    static final String CHALLENGE = "Basic charset=\"UTF-8\", realm=\"jijukirwa-dashboard\"";

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> refuseFailedSignIn(HttpRequest<?> request)
    {
        if (triedBasic(request) && request.getUserPrincipal().isEmpty()) {
            return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                    .body(ApiError.of(WRONG_PASSWORD));
        }
        return null;
    }

    static boolean triedBasic(HttpRequest<?> request)
    {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ");
    }

    @Override
    public int getOrder()
    {
        // after the security filter has tried the credentials
        return ServerFilterPhase.SECURITY.after();
    }
}
