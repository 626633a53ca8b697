package org.jijukirwa.warehouse.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The keyed random rounding of docs/disclosure.md computed in Java, independently of the DuckDB macro: u = the first 13
 * hex digits of md5(secret|key|value) / 2^52; value = b*q + r rounds up to b*(q+1) when u < r/b, else down to b*q.
 */
public final class ExpectedRounding
{
    private ExpectedRounding()
    {
    }

    public static long round(String secret, String key, long value, int base)
    {
        long remainder = value % base;
        if (remainder == 0) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((secret + "|" + key + "|" + value).getBytes(StandardCharsets.UTF_8));
            String hex = String.format("%032x", new BigInteger(1, digest));
            double u = Long.parseLong(hex.substring(0, 13), 16) / Math.pow(2, 52);
            return value - remainder + (u < (double) remainder / base ? base : 0);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
