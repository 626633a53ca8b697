package org.jijukirwa.dashboard.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.jijukirwa.dashboard.audit.AuditLog;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks credentials against the configured {@link UserAccount}s: Basic auth on every request, and the sign-in form
 * ({@link SessionController}).
 * PBKDF2 is slow on purpose, and Basic auth sends the password with every request, so a password once
 * verified is remembered as a keyed digest (key random per process) and later requests compare digests.
 * An unknown name costs the same PBKDF2 work as a wrong password for a known one, and failures are counted by
 * the {@link SignInThrottle}: while a name or an address is locked, no password is checked at all. Sign-ins and failed
 * sign-ins go to the {@link AuditLog}.
 */
@Singleton
public final class UserAuthenticationProvider<B>
        implements HttpRequestExecutorAuthenticationProvider<B>
{
    private static final String DIGEST_ALGORITHM = "HmacSHA256";

    private final Map<String, UserAccount> users;
    private final Map<String, byte[]> verifiedDigests = new ConcurrentHashMap<>();
    private final SecretKeySpec digestKey;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    /** A hash no password matches, with the users' own iteration count: an unknown name costs what a wrong password does. */
    private final String unknownUserHash;

    public UserAuthenticationProvider(List<UserAccount> users, SignInThrottle throttle, AuditLog audit)
    {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(UserAccount::name, Function.identity()));
        this.throttle = throttle;
        this.audit = audit;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.digestKey = new SecretKeySpec(key, DIGEST_ALGORITHM);
        int iterations = users.stream().mapToInt(user -> PasswordHash.iterations(user.passwordHash())).max().orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.unknownUserHash = PasswordHash.create(Long.toString(new SecureRandom().nextLong()), iterations);
    }

    /** The iteration count an unknown name is checked with. */
    int unknownUserIterations()
    {
        return PasswordHash.iterations(unknownUserHash);
    }

    /** Basic auth, from Micronaut's security filter. */
    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> authenticationRequest)
    {
        return authenticate(request, authenticationRequest.getIdentity(), authenticationRequest.getSecret(), Channel.BASIC);
    }

    /** How a user signs in, as the audit log names it. */
    enum Channel
    {
        BASIC("basic auth"), FORM("sign-in form");

        private final String description;

        Channel(String description)
        {
            this.description = description;
        }
    }

    AuthenticationResponse authenticate(HttpRequest<?> request, String name, String password, Channel channel)
    {
        String address = AuditLog.clientAddress(request);
        if (throttle.lockedFor(name, address).isPresent()) {
            // the lock filters refuse these before they get here; a line per refusal would let a guesser fill the disk
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        UserAccount user = users.get(name);
        if (user == null || password == null) {
            // same cost as a wrong password, so that response times do not tell which names exist
            PasswordHash.matches(password == null ? "" : password, unknownUserHash);
            return failed(name, address, channel);
        }
        byte[] digest = digest(user.passwordHash() + "\n" + password);
        // the form signs in once a session: it always pays for PBKDF2, and leaves Basic auth's first verification to Basic auth
        byte[] remembered = channel == Channel.BASIC ? verifiedDigests.get(name) : null;
        boolean verified = remembered != null && MessageDigest.isEqual(remembered, digest);
        if (!verified && PasswordHash.matches(password, user.passwordHash())) {
            if (channel == Channel.BASIC) {
                verifiedDigests.put(name, digest);
            }
            verified = true;
        }
        if (!verified) {
            return failed(name, address, channel);
        }
        throttle.recordSuccess(name, address);
        if (remembered == null || channel == Channel.FORM) {
            // Basic auth signs in on every request: the audit notes its first verification only
            audit.record(name, address, "sign-in", channel.description);
        }
        return AuthenticationResponse.success(name, user.grantedRoles());
    }

    private AuthenticationResponse failed(String name, String address, Channel channel)
    {
        throttle.recordFailure(name, address);
        audit.record(name, address, "sign-in-failed", channel.description);
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    private byte[] digest(String text)
    {
        try {
            Mac mac = Mac.getInstance(DIGEST_ALGORITHM);
            mac.init(digestKey);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(DIGEST_ALGORITHM + " is not available in this JDK", e);
        }
    }
}
