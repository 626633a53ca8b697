package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad text file, written to a temporary folder, is rejected with its code; good ones pass with their content hash. */
class TextFileCheckTest
{
    private static final String HEADER = "cooperative_id,cooperative_name,district\n";

    @TempDir
    Path folder;

    @Test
    void utf8WithAndWithoutBomPassesWithItsContentHash()
            throws Exception
    {
        byte[] plain = (HEADER + "COOP-1,Abahuzamugambi b'Umuganura,Gasabo\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        for (byte[] content : new byte[][] {plain, withBom}) {
            Path file = write("a.csv", content);
            TextFileCheck.Outcome outcome = TextFileCheck.check(file, "a.csv", true);
            assertThat(outcome.rejection()).isEmpty();
            assertThat(outcome.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
    }

    @Test
    void utf16WithABomIsDecodedAndReadLikeUtf8()
            throws IOException
    {
        String text = HEADER + "COOP-1,Koperative y'Abadozi – Kigali,Gasabo\n";
        for (boolean littleEndian : new boolean[] {true, false}) {
            byte[] bom = littleEndian ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            Path file = write("a.csv", concat(bom, text.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE)));
            assertThat(TextFileCheck.check(file, "a.csv", true).rejection()).isEmpty();
            try (BufferedReader reader = FieldRecordReader.open(file)) {
                assertThat(reader.readLine()).isEqualTo("cooperative_id,cooperative_name,district");
                assertThat(reader.readLine()).isEqualTo("COOP-1,Koperative y'Abadozi – Kigali,Gasabo");
            }
        }
    }

    @Test
    void latin1IsRejectedAsNotUtf8WithTheByteAndLine()
            throws IOException
    {
        Path file = write("a.csv", (HEADER + "COOP-1,Caf\u00e9 des collines,Gasabo\n").getBytes(StandardCharsets.ISO_8859_1));
        FileRejection rejection = TextFileCheck.check(file, "a.csv", true).rejection().orElseThrow();
        assertThat(rejection.reason()).isEqualTo(FileRejection.Reason.NOT_UTF8);
        // the header is 41 bytes, then "COOP-1,Caf" (10 bytes): the é is byte 51, on line 2
        assertThat(rejection.message()).startsWith("byte 51 (line 2) is not UTF-8").contains("CSV UTF-8");
    }

    @Test
    void utf16WithoutABomAndBinaryFilesAreNotText()
            throws IOException
    {
        Path utf16 = write("a.csv", HEADER.getBytes(StandardCharsets.UTF_16LE));
        Path png = write("b.jsonl", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});
        assertThat(TextFileCheck.check(utf16, "a.csv", true).rejection().map(FileRejection::reason)).contains(FileRejection.Reason.NOT_TEXT);
        assertThat(TextFileCheck.check(png, "b.jsonl", false).rejection().map(FileRejection::reason)).contains(FileRejection.Reason.NOT_TEXT);
    }

    @Test
    void aUtf16BomBeforeBytesThatAreNotUtf16IsBadUtf16()
            throws IOException
    {
        // a lone low surrogate (DC00, little endian) cannot start a UTF-16 character
        Path file = write("a.csv", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xDC, 'b', 0});
        assertThat(TextFileCheck.check(file, "a.csv", true).rejection().map(FileRejection::reason)).contains(FileRejection.Reason.BAD_UTF16);
    }

    @Test
    void aHeaderOfAMillionColumnsIsALineTooLongAndOneOfThreeThousandIsTooWide()
            throws IOException
    {
        StringBuilder million = new StringBuilder("cooperative_id");
        StringBuilder threeThousand = new StringBuilder("cooperative_id");
        for (int i = 0; i < 1_000_000; i++) {
            million.append(",c").append(i);
            if (i < 3_000) {
                threeThousand.append(",c").append(i);
            }
        }
        Path huge = write("a.csv", (million + "\nCOOP-1\n").getBytes(StandardCharsets.UTF_8));
        Path wide = write("b.csv", (threeThousand + "\nCOOP-1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(TextFileCheck.check(huge, "a.csv", true).rejection().map(FileRejection::reason)).contains(FileRejection.Reason.LINE_TOO_LONG);
        FileRejection tooWide = TextFileCheck.check(wide, "b.csv", true).rejection().orElseThrow();
        assertThat(tooWide.reason()).isEqualTo(FileRejection.Reason.TOO_WIDE);
        assertThat(tooWide.message()).startsWith("its header has 3,001 columns, more than the 2,000 read");
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRejectedButBlankNamesAreNotDuplicates()
            throws IOException
    {
        Path twice = write("a.csv", "cooperative_id,District, district ,formed_on\nCOOP-1,Gasabo,Kicukiro,2019-01-01\n".getBytes(StandardCharsets.UTF_8));
        Path blanks = write("b.csv", "cooperative_id,district,,\nCOOP-1,Gasabo,,\n".getBytes(StandardCharsets.UTF_8));
        FileRejection rejection = TextFileCheck.check(twice, "a.csv", true).rejection().orElseThrow();
        assertThat(rejection.reason()).isEqualTo(FileRejection.Reason.DUPLICATE_COLUMN);
        assertThat(rejection.message()).startsWith("its header names 'district' more than once");
        assertThat(TextFileCheck.check(blanks, "b.csv", true).rejection()).isEmpty();
        // JSON Lines has no header: only its bytes are checked
        assertThat(TextFileCheck.check(twice, "a.csv", false).rejection()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsUnreadable()
    {
        Optional<FileRejection> rejection = TextFileCheck.check(folder.resolve("gone.csv"), "gone.csv", true).rejection();
        assertThat(rejection.map(FileRejection::reason)).contains(FileRejection.Reason.UNREADABLE);
    }

    private Path write(String name, byte[] content)
            throws IOException
    {
        return Files.write(folder.resolve(name), content);
    }

    private static byte[] concat(byte[] left, byte[] right)
    {
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return both;
    }
}
