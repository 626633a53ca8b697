package org.jijukirwa.dashboard.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs and checks the session tokens of the dashboard's cookie (HMAC-SHA256): random for each server
 * process and never written down, so no configuration can leak it; a restart signs everyone out.
 */
@Factory
public final class SessionSigningKey
{
    /**
     * "generator": the name under which Micronaut's token generator looks for its signature; the validator checks every
     * token with it and, since a signature exists, refuses unsigned ones. (Declared as the interface: a factory method
     * returning SecretSignature would inherit its @EachBean and make no bean at all.)
     */
    @Singleton
    @Named("generator")
    public SignatureGeneratorConfiguration sessionSignature()
    {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(Base64.getEncoder().encodeToString(key));
        configuration.setBase64(true);
        return new SecretSignature(configuration);
    }
}
