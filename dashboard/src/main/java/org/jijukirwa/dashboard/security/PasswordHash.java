package org.jijukirwa.dashboard.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Password hashes as stored in configuration: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (PBKDF2-HMAC-SHA256, salt and hash in Base64), so no password is ever written down.
 * <p>
 * {@code java -cp ... org.jijukirwa.dashboard.security.PasswordHash [password]} prints the hash of the password
 * given, or of the first line of standard input (which keeps it out of the shell's history).
 */
public final class PasswordHash
{
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "\\$(\\d{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash()
    {
    }

    public static String create(String password)
    {
        return create(password, DEFAULT_ITERATIONS);
    }

    public static String create(String password, int iterations)
    {
        requireNonNull(password, "password is null");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(derive(password, salt, iterations, HASH_BITS));
    }

    /** Whether the password is the one the stored hash was made from; false for a malformed hash. */
    public static boolean matches(String password, String storedHash)
    {
        requireNonNull(password, "password is null");
        requireNonNull(storedHash, "storedHash is null");
        Matcher matcher = FORMAT.matcher(storedHash);
        if (!matcher.matches()) {
            return false;
        }
        int iterations = Integer.parseInt(matcher.group(1));
        byte[] salt = Base64.getDecoder().decode(matcher.group(2));
        byte[] expected = Base64.getDecoder().decode(matcher.group(3));
        if (iterations < 1 || expected.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(password, salt, iterations, expected.length * 8));
    }

    /** The iteration count of a stored hash; 0 for a malformed one. */
    public static int iterations(String storedHash)
    {
        if (!isWellFormed(storedHash)) {
            return 0;
        }
        Matcher matcher = FORMAT.matcher(storedHash);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    public static boolean isWellFormed(String storedHash)
    {
        if (storedHash == null) {
            return false;
        }
        Matcher matcher = FORMAT.matcher(storedHash);
        try {
            return matcher.matches()
                    && Integer.parseInt(matcher.group(1)) > 0
                    && Base64.getDecoder().decode(matcher.group(3)).length > 0;
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits)
    {
        char[] characters = password.toCharArray();
        PBEKeySpec specification = new PBEKeySpec(characters, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(specification).getEncoded();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        }
        finally {
            specification.clearPassword();
            Arrays.fill(characters, '\0');
        }
    }

    public static void main(String[] args)
            throws IOException
    {
        String password;
        if (args.length == 1) {
            password = args[0];
        }
        else if (args.length == 0) {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        else {
            System.err.println("usage: PasswordHash [password]   (without an argument, reads the password from standard input)");
            System.exit(2);
            return;
        }
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
            return;
        }
        System.out.println(create(password));
    }
}
