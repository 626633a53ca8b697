package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordParserTest
{
    @Test
    void quotedSeparatorsQuotesAndLineBreaks()
            throws IOException
    {
        String text = "id,name,notes\r\n"
                + "1,\"Abishyizehamwe, Indatwa\",\"said \"\"yes\"\"\"\r\n"
                + "2,\"Koperative Terimbere\r\nya Save\",\"Visit postponed;\nmembers\"\r\n"
                + "3,plain,\r\n";
        List<SourceRecord> records = parse(text, ',');
        assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 2L, 3L, 6L);
        assertThat(records.get(1).fields()).containsExactly("1", "Abishyizehamwe, Indatwa", "said \"yes\"");
        assertThat(records.get(1).rawText()).isEqualTo("1,\"Abishyizehamwe, Indatwa\",\"said \"\"yes\"\"\"");
        assertThat(records.get(2).fields()).containsExactly("2", "Koperative Terimbere\r\nya Save", "Visit postponed;\nmembers");
        assertThat(records.get(2).rawText()).isEqualTo("2,\"Koperative Terimbere\r\nya Save\",\"Visit postponed;\nmembers\"");
        assertThat(records.get(3).fields()).containsExactly("3", "plain", "");
        assertThat(records).noneMatch(SourceRecord::malformed);
    }

    @Test
    void semicolonsAndBlankLines()
            throws IOException
    {
        String text = "\"member_id\";\"sex\"\n\n\"MBR-1\";\"Gore\"\n\n";
        assertThat(CsvRecordParser.detectSeparator("\"member_id\";\"sex\"")).isEqualTo(';');
        assertThat(CsvRecordParser.detectSeparator("a,b;c,d")).isEqualTo(',');
        assertThat(CsvRecordParser.detectSeparator("\"a;b\",c")).isEqualTo(',');
        List<SourceRecord> records = parse(text, ';');
        assertThat(records).hasSize(2);
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(1).fields()).containsExactly("MBR-1", "Gore");
    }

    @Test
    void brokenQuotesAreMalformed()
            throws IOException
    {
        String text = "a,b\n"
                + "1,\"closed\"then text\n"
                + "2,stray \" quote\n"
                + "3, \"blanks around\" \n"
                + "4,\"never closed\n"
                + "5,x\n";
        List<SourceRecord> records = parse(text, ',');
        assertThat(records).extracting(SourceRecord::malformed).containsExactly(false, true, true, false, true);
        assertThat(records.get(3).fields()).containsExactly("3", "blanks around");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).rawText()).isEqualTo("2,stray \" quote");
        // An open quote swallows the rest of the file into one malformed record.
        assertThat(records.get(4).line()).isEqualTo(5);
        assertThat(records.get(4).rawText()).isEqualTo("4,\"never closed\n5,x\n");
    }

    @Test
    void recordsAcrossTheReadBufferAreWhole()
            throws IOException
    {
        // 6,000 CRLF lines of 12 to 20 characters: more than the parser's 65,536-character buffer, so some line straddles two reads.
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 6000; i++) {
            text.append(i).append(",name ").append(i).append(i % 1000 == 0 ? ",\"q\"" : ",x").append("\r\n");
        }
        assertThat(text.length()).isGreaterThan(1 << 16);
        List<SourceRecord> records = parse(text.toString(), ',');
        assertThat(records).hasSize(6000);
        for (int i = 1; i <= 6000; i++) {
            SourceRecord record = records.get(i - 1);
            assertThat(record.line()).isEqualTo(i);
            assertThat(record.fields()).containsExactly(Integer.toString(i), "name " + i, i % 1000 == 0 ? "q" : "x");
            assertThat(record.rawText()).isEqualTo(i + ",name " + i + (i % 1000 == 0 ? ",\"q\"" : ",x"));
            assertThat(record.malformed()).isFalse();
        }
    }

    private static List<SourceRecord> parse(String text, char separator)
            throws IOException
    {
        CsvRecordParser parser = new CsvRecordParser(new StringReader(text), separator);
        List<SourceRecord> records = new ArrayList<>();
        for (SourceRecord record = parser.next(); record != null; record = parser.next()) {
            records.add(record);
        }
        return records;
    }
}
