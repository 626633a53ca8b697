package org.jijukirwa.dashboard.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's sign-in sessions. Each session token carries a random session id ({@value #SESSION_ID}); from it come
 * the session's CSRF token (an HMAC under a key random per process, so it cannot be guessed or made from the cookie
 * alone) and its end at sign-out: a signed-out id is refused until the token would have expired anyway.
 * A request authenticated by Basic auth has no session id.
 */
@Singleton
public final class Sessions
        implements GenericJwtClaimsValidator<HttpRequest<?>>
{
    /** The claim (and authentication attribute) holding the session id. */
    public static final String SESSION_ID = "sid";

    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec csrfKey;
    private final Clock clock = Clock.systemUTC();
    /** Signed-out session ids and when their tokens expire; forgotten after that. */
    private final Map<String, Instant> signedOut = new ConcurrentHashMap<>();

    public Sessions()
    {
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.csrfKey = new SecretKeySpec(key, MAC_ALGORITHM);
    }

    /** A new random session id, for a new sign-in. */
    public String newSessionId()
    {
        byte[] id = new byte[18];
        random.nextBytes(id);
        return BASE64URL.encodeToString(id);
    }

    /** The session id of a request signed in through the form; empty for Basic auth and anonymous requests. */
    public static Optional<String> sessionId(@Nullable Authentication authentication)
    {
        if (authentication == null) {
            return Optional.empty();
        }
        Object id = authentication.getAttributes().get(SESSION_ID);
        return id instanceof String text && !text.isEmpty() ? Optional.of(text) : Optional.empty();
    }

    /** The CSRF token of a session: the same for the session's whole life, different for every session. */
    public String csrfToken(String sessionId)
    {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(csrfKey);
            return BASE64URL.encodeToString(mac.doFinal(("csrf\n" + sessionId).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC_ALGORITHM + " is not available in this JDK", e);
        }
    }

    /** Whether the token sent is the session's, compared in constant time. */
    public boolean isCsrfToken(String sessionId, @Nullable String sent)
    {
        return sent != null && MessageDigest.isEqual(csrfToken(sessionId).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends a session: its token is refused from now on, though the browser may still send it. */
    public void signOut(String sessionId, @Nullable Instant expiresAt)
    {
        Instant now = clock.instant();
        signedOut.values().removeIf(expiry -> expiry.isBefore(now));
        signedOut.put(sessionId, expiresAt == null ? now.plusSeconds(86_400) : expiresAt);
    }

    /** Micronaut checks every session token with this: one without a session id, or signed out, is not a session. */
    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request)
    {
        Object id = claims.get(SESSION_ID);
        return id instanceof String text && !text.isEmpty() && !signedOut.containsKey(text);
    }
}
