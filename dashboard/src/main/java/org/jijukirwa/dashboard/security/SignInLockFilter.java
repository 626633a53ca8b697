package org.jijukirwa.dashboard.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.errors.ApiError;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Before any password is checked: a request signing in with a name or from an address that the
 * {@link SignInThrottle} has locked gets 429 with the seconds to wait, and costs the server nothing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SignInLockFilter
        implements Ordered
{
    private final SignInThrottle throttle;

    public SignInLockFilter(SignInThrottle throttle)
    {
        this.throttle = throttle;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> refuseLockedSignIn(HttpRequest<?> request)
    {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return null;
        }
        Optional<Duration> locked = throttle.lockedFor(basicUserName(authorization), AuditLog.clientAddress(request));
        if (locked.isEmpty()) {
            return null;
        }
        return locked(locked.get());
    }

    /** 429 with the whole seconds to wait, for Basic auth and the sign-in form alike. */
    static MutableHttpResponse<ApiError> locked(Duration lock)
    {
        long seconds = Math.max(1, lock.toSeconds() + (lock.toMillisPart() > 0 ? 1 : 0));
        return HttpResponse.<ApiError>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(ApiError.of("Too many failed sign-ins: try again in " + seconds + " s."));
    }

    /** The user name of a Basic authorization header; empty when it cannot be decoded. */
    static String basicUserName(String authorization)
    {
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring("basic ".length()).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? credentials : credentials.substring(0, colon);
        }
        catch (IllegalArgumentException e) {
            return "";
        }
    }

    @Override
    public int getOrder()
    {
        return ServerFilterPhase.SECURITY.before();
    }
}
