package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRecordFileTest
{
    private static final List<String> COLUMNS = Dataset.TRAININGS.columns();

    @TempDir
    Path folder;

    @Test
    void quotesOnlyWhatNeedsQuotingAndWritesMissingAsEmpty()
            throws IOException
    {
        Path path = folder.resolve("trainings.csv");
        CsvRecordFile file = new CsvRecordFile(path, "trainings/trainings.csv", Dataset.TRAININGS, CsvStyle.plain(',', false, false, false, COLUMNS));
        file.write(new String[] {"TRN-1", "2019-01-05", "Gasabo", "osh", "COOP-GAS-0001", null, "member", "Mugabo, Alexis (BDC)", null});
        file.write(new String[] {"TRN-1", "2019-01-05", "Gasabo", "osh", "COOP-GAS-0002", null, "member", "NCBS \"Cooperative\" expert", "a;b"});
        file.close();

        assertThat(Files.readString(path, StandardCharsets.UTF_8)).isEqualTo("""
                session_id,held_on,district,topic,cooperative_id,member_id,attendee_role,facilitator,updated_at
                TRN-1,2019-01-05,Gasabo,osh,COOP-GAS-0001,,member,"Mugabo, Alexis (BDC)",
                TRN-1,2019-01-05,Gasabo,osh,COOP-GAS-0002,,member,"NCBS ""Cooperative"" expert",a;b
                """);
        assertThat(file.tally().rows()).isEqualTo(2);
    }

    @Test
    void semicolonFilesQuoteAllWithCrlfABomAndOddHeaders()
            throws IOException
    {
        Path path = folder.resolve("coaching.csv");
        CsvStyle style = new CsvStyle(';', true, true, true, List.of("visit_id", "notes", "_index"), List.of("Visit_ID", " Notes ", "_index"));
        CsvRecordFile file = new CsvRecordFile(path, "coaching/coaching.csv", Dataset.COACHING, style);
        String[] values = new String[Dataset.COACHING.columns().size()];
        values[0] = "VIS-1";
        values[7] = "Visit postponed;\nmembers at the market";
        file.write(values);
        file.close();

        assertThat(Files.readAllBytes(path)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readString(path, StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFF\"Visit_ID\";\" Notes \";\"_index\"\r\n\"VIS-1\";\"Visit postponed;\nmembers at the market\";\"1\"\r\n");
    }

    @Test
    void aMalformedRowHasOneFieldTooMany()
            throws IOException
    {
        Path path = folder.resolve("members.csv");
        CsvRecordFile file = new CsvRecordFile(path, "members/members.csv", Dataset.MEMBERS, CsvStyle.plain(';', false, false, false,
                List.of("member_id", "full_name", "sex")));
        String[] values = new String[Dataset.MEMBERS.columns().size()];
        values[0] = "MBR-1";
        values[5] = "F";
        file.writeMalformed(values, Dataset.MEMBERS.column("full_name"), "Uwase", " Aline");
        file.close();

        assertThat(Files.readString(path, StandardCharsets.UTF_8)).isEqualTo("member_id;full_name;sex\nMBR-1;Uwase; Aline;F\n");
        assertThat(file.tally().rows()).isEqualTo(1);
    }
}
