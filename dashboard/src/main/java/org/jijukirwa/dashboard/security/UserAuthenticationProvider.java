package org.jijukirwa.dashboard.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.net.InetSocketAddress;
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
 * Checks Basic credentials against the configured {@link UserAccount}s.
 * PBKDF2 is slow on purpose, and Basic auth sends the password with every request, so a password once
 * verified is remembered as a keyed digest (key random per process) and later requests compare digests.
 * An unknown name costs the same PBKDF2 work as a wrong password for a known one, and failures are counted by
 * the {@link SignInThrottle}: while a name or an address is locked, no password is checked at all.
 */
@Singleton
public final class UserAuthenticationProvider<B>
        implements HttpRequestExecutorAuthenticationProvider<B>
{
    private static final String DIGEST_ALGORITHM = "HmacSHA256";

    private static final Logger AUDIT = LoggerFactory.getLogger("org.jijukirwa.audit");

    private final Map<String, UserAccount> users;
    private final Map<String, byte[]> verifiedDigests = new ConcurrentHashMap<>();
    private final SecretKeySpec digestKey;
    private final SignInThrottle throttle;
    /** A hash no password matches, with the users' own iteration count: an unknown name costs what a wrong password does. */
    private final String unknownUserHash;

    public UserAuthenticationProvider(List<UserAccount> users, SignInThrottle throttle)
    {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(UserAccount::name, Function.identity()));
        this.throttle = throttle;
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

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> authenticationRequest)
    {
        String name = authenticationRequest.getIdentity();
        String password = authenticationRequest.getSecret();
        String address = clientAddress(request);
        if (throttle.lockedFor(name, address).isPresent()) {
            AUDIT.info("sign-in refused (locked) user={} address={}", name, address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        UserAccount user = users.get(name);
        if (user == null || password == null) {
            // same cost as a wrong password, so that response times do not tell which names exist
            PasswordHash.matches(password == null ? "" : password, unknownUserHash);
            return failed(name, address);
        }
        byte[] digest = digest(user.passwordHash() + "\n" + password);
        byte[] remembered = verifiedDigests.get(name);
        boolean verified = remembered != null && MessageDigest.isEqual(remembered, digest);
        if (!verified && PasswordHash.matches(password, user.passwordHash())) {
            verifiedDigests.put(name, digest);
            verified = true;
        }
        if (!verified) {
            return failed(name, address);
        }
        throttle.recordSuccess(name, address);
        if (remembered == null) {
            // Basic auth signs in on every request: the audit notes the first verification only
            AUDIT.info("sign-in user={} address={}", name, address);
        }
        return AuthenticationResponse.success(name, user.grantedRoles());
    }

    private AuthenticationResponse failed(String name, String address)
    {
        throttle.recordFailure(name, address);
        AUDIT.info("sign-in failed user={} address={}", name, address);
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }

    /** The connecting address; forwarded-for headers are not trusted, as anyone can write them. */
    static String clientAddress(HttpRequest<?> request)
    {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
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
