package org.jijukirwa.dashboard.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashTest
{
    @Test
    void matchesThePublishedPbkdf2Sha256TestVector()
    {
        // RFC 7914, section 11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1, dkLen = 64
        byte[] derived = HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        String stored = "pbkdf2-sha256$1$" + Base64.getEncoder().encodeToString("salt".getBytes(StandardCharsets.UTF_8))
                + "$" + Base64.getEncoder().encodeToString(derived);

        assertThat(PasswordHash.isWellFormed(stored)).isTrue();
        assertThat(PasswordHash.matches("passwd", stored)).isTrue();
        assertThat(PasswordHash.matches("passwd ", stored)).isFalse();
    }

    @Test
    void createdHashKeepsItsIterationsAndSaltAndVerifiesOnlyItsPassword()
    {
        String hash = PasswordHash.create("correct horse", 2_000);

        assertThat(hash).matches("pbkdf2-sha256\\$2000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
        assertThat(hash).doesNotContain("correct horse");
        assertThat(PasswordHash.matches("correct horse", hash)).isTrue();
        assertThat(PasswordHash.matches("Correct horse", hash)).isFalse();
        assertThat(PasswordHash.matches("", hash)).isFalse();
        // a new random salt each time
        assertThat(PasswordHash.create("correct horse", 2_000)).isNotEqualTo(hash);
    }

    @Test
    void defaultIterationsAreTheCurrentRecommendation()
    {
        assertThat(PasswordHash.create("x")).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void plaintextOrMalformedHashesAreRejected()
    {
        assertThat(PasswordHash.isWellFormed("secret")).isFalse();
        assertThat(PasswordHash.isWellFormed("pbkdf2-sha256$0$c2FsdA==$AAAA")).isFalse();
        assertThat(PasswordHash.isWellFormed("pbkdf2-sha256$10$c2FsdA==$")).isFalse();
        assertThat(PasswordHash.matches("secret", "secret")).isFalse();
    }

    @Test
    void commandLinePrintsAHashOfTheStandardInputsFirstLine()
            throws Exception
    {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("s3cret pass\nignored\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            PasswordHash.main(new String[0]);
        }
        finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        String hash = printed.toString(StandardCharsets.UTF_8).trim();
        assertThat(PasswordHash.matches("s3cret pass", hash)).isTrue();
    }
}
