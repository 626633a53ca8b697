package org.jijukirwa.dashboard.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

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
 * Checks Basic credentials against the configured {@link UserAccount}s.
 * PBKDF2 is slow on purpose, and Basic auth sends the password with every request, so a password once
 * verified is remembered as a keyed digest (key random per process) and later requests compare digests.
 */
@Singleton
public final class UserAuthenticationProvider<B>
        implements HttpRequestExecutorAuthenticationProvider<B>
{
    private static final String DIGEST_ALGORITHM = "HmacSHA256";

    private final Map<String, UserAccount> users;
    private final Map<String, byte[]> verifiedDigests = new ConcurrentHashMap<>();
    private final SecretKeySpec digestKey;

    public UserAuthenticationProvider(List<UserAccount> users)
    {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(UserAccount::name, Function.identity()));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.digestKey = new SecretKeySpec(key, DIGEST_ALGORITHM);
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> authenticationRequest)
    {
        String name = authenticationRequest.getIdentity();
        String password = authenticationRequest.getSecret();
        UserAccount user = users.get(name);
        if (user == null || password == null) {
            // same cost as a wrong password, so that response times do not tell which names exist
            PasswordHash.matches(password == null ? "" : password, UnknownUser.HASH);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        byte[] digest = digest(user.passwordHash() + "\n" + password);
        byte[] remembered = verifiedDigests.get(name);
        boolean verified = remembered != null && MessageDigest.isEqual(remembered, digest);
        if (!verified && PasswordHash.matches(password, user.passwordHash())) {
            verifiedDigests.put(name, digest);
            verified = true;
        }
        if (!verified) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(name, user.grantedRoles());
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

    /** A hash no password matches, made once, used to spend the same time on unknown names. */
    private static final class UnknownUser
    {
        static final String HASH = PasswordHash.create(Long.toString(new SecureRandom().nextLong()));
    }
}
