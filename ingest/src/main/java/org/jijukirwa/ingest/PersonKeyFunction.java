package org.jijukirwa.ingest;

import org.apache.spark.sql.api.java.UDF1;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * person_key: lower-case hex HMAC-SHA-256 of a national ID under the
 * configured key, so one person is counted once without the ID being stored.
 * Spark has no HMAC function, hence this UDF; each task holds its own Mac.
 */
public final class PersonKeyFunction
        implements UDF1<String, String>
{
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

    @Override
    public String call(String nationalId)
            throws GeneralSecurityException
    {
        if (nationalId == null) {
            return null;
        }
        if (mac == null) {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        }
        return HexFormat.of().formatHex(mac.doFinal(nationalId.strip().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString()
    {
        // never show the key in plans or logs
        return "PersonKeyFunction";
    }
}
