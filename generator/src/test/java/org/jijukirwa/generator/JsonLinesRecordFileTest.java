package org.jijukirwa.generator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesRecordFileTest
{
    @TempDir
    Path folder;

    @Test
    void writesOneObjectPerLineWithNumbersEscapesAndMissingValues()
            throws IOException
    {
        Path path = folder.resolve("coaching.jsonl");
        JsonLinesRecordFile file = coachingFile(path);
        file.write(new String[] {"VIS-1", "COOP-GAS-0001", "2020-03-31T22:30:00Z", "Ntwari Éric", "osh", "68", null,
                "Discussed \"RCA\" file;\nnext visit", "2020-04-01"});
        file.write(new String[] {"VIS-2", "COOP-GAS-0001", "2020-04-02", null, null, "high", null, null, "2020-04-02"});
        file.close();

        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"visit_id\": \"VIS-1\", \"cooperative_id\": \"COOP-GAS-0001\"")
                .contains("\"coach\": \"Ntwari Éric\"", "\"maturity_score\": 68,", "\"notes\": \"Discussed \\\"RCA\\\" file;\\nnext visit\"")
                .endsWith("\"updated_at\": \"2020-04-01\"}");
        assertThat(lines.get(1)).contains("\"maturity_score\": \"high\"");
        assertThat(JsonTestReader.parse(lines.get(0))).isInstanceOf(java.util.Map.class);
        assertThat(JsonTestReader.parse(lines.get(1))).isInstanceOf(java.util.Map.class);
    }

    @Test
    void aMalformedLineIsCutShort()
            throws IOException
    {
        Path path = folder.resolve("coaching.jsonl");
        JsonLinesRecordFile file = coachingFile(path);
        String[] values = {"VIS-1", "COOP-GAS-0001", "2020-04-02", "Coach", "osh", "50", "2020-05-01", "note", "2020-04-02"};
        file.writeMalformed(values, 7, "a", "b");
        file.close();

        String line = Files.readAllLines(path, StandardCharsets.UTF_8).get(0);
        assertThat(line).startsWith("{\"visit_id\": \"VIS-1\"");
        assertThatThrownBy(() -> JsonTestReader.parse(line)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The coaching visits' JSON Lines file, with maturity_score written as a number. */
    private static JsonLinesRecordFile coachingFile(Path path)
    {
        return new JsonLinesRecordFile(path, "coaching/coaching.jsonl", Dataset.COACHING, Set.of("maturity_score"), new SplittableRandom(1));
    }
}
