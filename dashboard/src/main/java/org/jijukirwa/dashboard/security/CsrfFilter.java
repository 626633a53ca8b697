package org.jijukirwa.dashboard.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import org.jijukirwa.dashboard.errors.ApiError;

import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery: a request that changes something (POST, PUT, PATCH, DELETE) and is signed in by the session
 * cookie, which the browser sends whoever made the page, must also carry the session's token in {@value #HEADER}. Only a
 * page of this dashboard can read the token (from {@code GET /api/v1/session}, same origin), and the front end adds it
 * in one place (api.js {@code send}). Basic auth and anonymous requests have no session and are not checked; the sign-in
 * itself is protected by accepting JSON only ({@link SessionController}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CsrfFilter
        implements Ordered
{
    public static final String HEADER = "X-CSRF-Token";
    static final String REFUSED = "This change was refused: it did not carry the page's security token (CSRF). Reload the page and try again.";

    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final String SIGN_IN_PATH = "/api/v1/session";

    private final Sessions sessions;

    public CsrfFilter(Sessions sessions)
    {
        this.sessions = sessions;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> refuseForgedChange(HttpRequest<?> request)
    {
        if (!CHANGES.contains(request.getMethod()) || (request.getMethod() == HttpMethod.POST && SIGN_IN_PATH.equals(request.getPath()))) {
            return null;
        }
        Optional<String> sessionId = Sessions.sessionId(request.getUserPrincipal(Authentication.class).orElse(null));
        if (sessionId.isEmpty() || sessions.isCsrfToken(sessionId.get(), request.getHeaders().get(HEADER))) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(ApiError.of(REFUSED));
    }

    @Override
    public int getOrder()
    {
        // once the security filter has found who signed in, before any controller runs
        return ServerFilterPhase.SECURITY.after();
    }
}
