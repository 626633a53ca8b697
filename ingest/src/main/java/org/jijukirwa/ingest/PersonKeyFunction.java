package org.jijukirwa.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * person_key: lower-case hex HMAC-SHA-256 of a national ID under the
 * configured key, so one person is counted once without the ID being stored.
 * Serialisable for Spark's tasks; each deserialised copy makes its own Mac
 * (not thread-safe: one copy per task).
 */
public final class PersonKeyFunction
        implements Serializable
{
    private static final long serialVersionUID = 1L;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private transient Mac mac;

    public PersonKeyFunction(byte[] key)
    {
        requireNonNull(key, "key is null");
        if (key.length == 0) {
            throw new IllegalArgumentException("the HMAC key is empty");
        }
        this.key = key.clone();
    }

    /** The key of a national ID (stripped of blanks first); null for null. */
    public String personKey(String nationalId)
    {
        if (nationalId == null) {
            return null;
        }
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("no " + ALGORITHM + " in this JVM", e);
            }
        }
        return HexFormat.of().formatHex(mac.doFinal(nationalId.strip().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString()
    {
        // never show the key in logs
        return "PersonKeyFunction";
    }
}
