package org.jijukirwa.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldRecordReaderTest
{
    @TempDir
    Path input;

    @Test
    void csvWithByteOrderMarkSemicolonsAndQuotedLineBreaks()
            throws IOException
    {
        write("cooperatives/coops.csv", "\uFEFF Cooperative_ID ; District ;Cooperative_Name;gps_lat\r\n"
                + "COOP-1;Gasabo;\"Terimbere\r\nya Save; Ndora\";-1.9\r\n"
                + "COOP-2;Huye;\"Abakora \"\"Terimbere\"\"\";-1.8\r\n"
                + "COOP-3;Huye;only three\r\n"
                + "COOP-4;Huye;\"bad\"quote;-1.7\r\n");
        List<Row> rows = read(RecordSet.COOPERATIVES);
        assertThat(rows).hasSize(4);
        assertRow(rows.get(0), 2, "COOP-1;Gasabo;\"Terimbere\r\nya Save; Ndora\";-1.9", false);
        assertThat((String) rows.get(0).getAs("cooperative_id")).isEqualTo("COOP-1");
        assertThat((String) rows.get(0).getAs("cooperative_name")).isEqualTo("Terimbere\r\nya Save; Ndora");
        assertRow(rows.get(1), 4, "COOP-2;Huye;\"Abakora \"\"Terimbere\"\"\";-1.8", false);
        assertThat((String) rows.get(1).getAs("cooperative_name")).isEqualTo("Abakora \"Terimbere\"");
        assertRow(rows.get(2), 5, "COOP-3;Huye;only three", true);
        assertThat((Object) rows.get(2).getAs("cooperative_id")).isNull();
        assertRow(rows.get(3), 6, "COOP-4;Huye;\"bad\"quote;-1.7", true);
        assertThat(FieldRecordReader.ignoredCsvColumns(file("cooperatives/coops.csv", RecordSet.COOPERATIVES))).containsExactly("gps_lat");
    }

    @Test
    void jsonLinesWithNullsNumbersBooleansAndBadJson()
            throws IOException
    {
        write("coaching_2020.jsonl", "{\"visit_id\": \"VIS-1\", \"maturity_score\": 68, \"notes\": null, \"topics\": \"osh\", \"_geo\": [1, 2], \"Extra\": true}\n"
                + "\n"
                + "{\"visit_id\": \"VIS-2\", \"maturity_score\": 6.5e1, \"coach\": false}\r\n"
                + "{\"visit_id\": \"VIS-3\", \"maturity_score\": 70\n"
                + "[1, 2]\n"
                + "{\"visit_id\": \"VIS-4\", \"topics\": [\"osh\"]}\n"
                + "{\"visit_id\": \"VIS-5\"} trailing\n");
        CollectionAccumulator<String> ignored = SparkTestSession.get().sparkContext().collectionAccumulator();
        List<Row> rows = new FieldRecordReader(SparkTestSession.get()).read(RecordSet.COACHING, List.of(file("coaching_2020.jsonl", RecordSet.COACHING)), ignored)
                .collectAsList();
        assertThat(rows).extracting(row -> row.getLong(1)).containsExactly(1L, 3L, 4L, 5L, 6L, 7L);
        assertThat(rows).extracting(row -> row.getBoolean(3)).containsExactly(false, false, true, true, true, true);
        Row first = rows.get(0);
        assertThat((String) first.getAs("maturity_score")).isEqualTo("68");
        assertThat((Object) first.getAs("notes")).isNull();
        assertThat((String) first.getAs("topics")).isEqualTo("osh");
        assertThat((String) rows.get(1).getAs("maturity_score")).isEqualTo("6.5e1");
        assertThat((String) rows.get(1).getAs("coach")).isEqualTo("false");
        assertThat((String) rows.get(2).getAs("raw_text")).isEqualTo("{\"visit_id\": \"VIS-3\", \"maturity_score\": 70");
        assertThat(ignored.value()).containsExactlyInAnyOrder("coaching_2020.jsonl\t_geo", "coaching_2020.jsonl\tExtra");
    }

    private List<Row> read(RecordSet recordSet)
    {
        CollectionAccumulator<String> ignored = SparkTestSession.get().sparkContext().collectionAccumulator();
        return new FieldRecordReader(SparkTestSession.get()).read(recordSet, List.of(file("cooperatives/coops.csv", recordSet)), ignored).collectAsList();
    }

    private InputFile file(String relativePath, RecordSet recordSet)
    {
        return new InputFile(input.resolve(relativePath).toString(), relativePath, recordSet, SourceFormat.forFileName(relativePath).orElseThrow(),
                ColumnResolver.direct(recordSet), "hash");
    }

    private static void assertRow(Row row, long line, String rawText, boolean malformed)
    {
        assertThat(row.getString(0)).isEqualTo("cooperatives/coops.csv");
        assertThat(row.getLong(1)).isEqualTo(line);
        assertThat(row.getString(2)).isEqualTo(rawText);
        assertThat(row.getBoolean(3)).isEqualTo(malformed);
    }

    private void write(String relativePath, String text)
            throws IOException
    {
        Path path = input.resolve(relativePath);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
