package org.jijukirwa.dashboard.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.cookie.TokenCookieClearerLogoutHandler;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.dashboard.errors.ApiError;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's sign-in, for people in a browser (scripts use Basic auth on every request instead):
 * <ul>
 *   <li>{@code GET /api/v1/session}: who this request is signed in as, the view of the figures and the CSRF token;</li>
 *   <li>{@code POST /api/v1/session} with {@code {"user", "password"}} as JSON: signs in and sets the session cookie
 *       (HttpOnly, SameSite=Strict, Secure over TLS) holding a signed token; 401 for a wrong password, 429 while locked;</li>
 *   <li>{@code DELETE /api/v1/session}: signs out; the token is refused from then on, even if replayed.</li>
 * </ul>
 * Only JSON is accepted, so that no other site's page can sign a visitor in with an HTML form of its own (it cannot
 * send JSON without the browser asking this server first, which it refuses).
 */
@Controller("/api/v1/session")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "session")
public final class SessionController
{
    private static final String NO_STORE = "no-store";

    private final UserAuthenticationProvider<?> users;
    private final SignInThrottle throttle;
    private final Sessions sessions;
    private final TokenCookieLoginHandler loginHandler;
    private final TokenCookieClearerLogoutHandler logoutHandler;
    private final AuditLog audit;

    public SessionController(UserAuthenticationProvider<?> users, SignInThrottle throttle, Sessions sessions,
            TokenCookieLoginHandler loginHandler, TokenCookieClearerLogoutHandler logoutHandler, AuditLog audit)
    {
        this.users = users;
        this.throttle = throttle;
        this.sessions = sessions;
        this.loginHandler = loginHandler;
        this.logoutHandler = logoutHandler;
        this.audit = audit;
    }

    @Get
    @Operation(summary = "Who is signed in",
            description = "The user and roles of this request (session cookie or Basic auth), the view of the figures it is served "
                    + "(public: small counts suppressed; unsuppressed: the manager role) and, for a session, its CSRF token, which "
                    + "every POST, PUT, PATCH and DELETE of the session must send in the X-CSRF-Token header.")
    @ApiResponse(responseCode = "200", description = "The session; a null user for a visitor.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SessionResponse.class),
            examples = @ExampleObject(value = "{\"user\": \"maria\", \"roles\": [\"manager\"], \"view\": \"unsuppressed\", \"csrf_token\": \"3q2-7w...\"}")))
    public HttpResponse<SessionResponse> session(@Nullable Authentication authentication)
    {
        return HttpResponse.ok(describe(authentication)).header(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in", description = "Checks the user name and password (JSON) and sets the session cookie. Five wrong "
            + "passwords for a name within 15 minutes, or twenty from an address, lock it: 429 with Retry-After, no password checked.")
    @ApiResponse(responseCode = "200", description = "Signed in: the session, with its CSRF token, and the cookie.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionResponse.class)))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadSignIn")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/WrongPassword")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/SignInLocked")
    public HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInRequest form)
    {
        if (form.user() == null || form.user().isBlank() || form.password() == null || form.password().isEmpty()) {
            return HttpResponse.badRequest(new ApiError("Give a user name and a password.", form.user() == null || form.user().isBlank() ? "user" : "password"))
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        String name = form.user().strip();
        Optional<Duration> locked = throttle.lockedFor(name, AuditLog.clientAddress(request));
        if (locked.isPresent()) {
            return SignInLockFilter.locked(locked.get());
        }
        AuthenticationResponse outcome = users.authenticate(request, name, form.password(), UserAuthenticationProvider.Channel.FORM);
        if (!outcome.isAuthenticated() || outcome.getAuthentication().isEmpty()) {
            boolean nowLocked = outcome instanceof AuthenticationFailed failed && failed.getReason() == AuthenticationFailureReason.ACCOUNT_LOCKED;
            Optional<Duration> lock = throttle.lockedFor(name, AuditLog.clientAddress(request));
            if (nowLocked && lock.isPresent()) {
                return SignInLockFilter.locked(lock.get());
            }
            return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED).body(ApiError.of(FailedSignInFilter.WRONG_PASSWORD))
                    .header(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        Authentication verified = outcome.getAuthentication().get();
        Authentication session = Authentication.build(verified.getName(), verified.getRoles(), Map.of(Sessions.SESSION_ID, sessions.newSessionId()));
        MutableHttpResponse<?> response = loginHandler.loginSuccess(session, request);
        return response.body(describe(session)).header(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }

    @Delete
    @Operation(summary = "Sign out", description = "Ends the session of the cookie (its token is refused from now on) and clears the cookie. "
            + "Needs the session's X-CSRF-Token header.")
    @ApiResponse(responseCode = "200", description = "Signed out: the visitor's session.", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SessionResponse.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/CsrfRefused")
    public HttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication authentication)
    {
        Optional<String> sessionId = Sessions.sessionId(authentication);
        if (sessionId.isPresent()) {
            sessions.signOut(sessionId.get(), expiry(authentication.getAttributes().get("exp")));
            audit.record(authentication.getName(), AuditLog.clientAddress(request), "sign-out", "sign-in form");
        }
        return logoutHandler.logout(request).body(describe(null)).header(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }

    private SessionResponse describe(@Nullable Authentication authentication)
    {
        return SessionResponse.of(authentication, Sessions.sessionId(authentication).map(sessions::csrfToken).orElse(null));
    }

    /** The token's expiry claim, as the token parser hands it over. */
    private static @Nullable Instant expiry(@Nullable Object exp)
    {
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return exp instanceof Instant instant ? instant : null;
    }
}
