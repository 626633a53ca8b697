package org.jijukirwa.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jijukirwa.layout.Table;
import org.jijukirwa.layout.WarehouseDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jijukirwa.ingest.IngestFixture.cooperatives;

/** A run over good and bad files publishes the good ones and lists the bad ones, with their codes, in the run report. */
class RejectedFilesTest
{
    @TempDir
    Path folder;

    @Test
    void badFilesAreRejectedAsFilesAndTheRestIsPublished()
            throws IOException
    {
        IngestFixture fixture = new IngestFixture(folder)
                .write("cooperatives/good.csv", cooperatives(IngestFixture.ONE_COOPERATIVE))
                .write("cooperatives/twice.csv", "cooperative_id,district,District,value_chain,formed_on\nCOOP-2,Gasabo,Huye,tailoring,2019-01-01\n");
        Path input = fixture.input();
        Files.write(input.resolve("cooperatives/latin1.csv"),
                cooperatives("COOP-3,Caf\u00e9,Gasabo,tailoring,2019-01-01,2020-01-01").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(input.resolve("cooperatives/photo.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0D});
        Files.write(input.resolve("cooperatives/utf16.csv"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                cooperatives("COOP-4,four,Huye,tailoring,2019-01-01,2020-01-01").getBytes(StandardCharsets.UTF_16LE)));
        Files.write(input.resolve("cooperatives/broken.xlsx"), "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1));

        RunReport report = fixture.run();

        assertThat(report.published()).isTrue();
        List<String> rejected = new ArrayList<>();
        report.rejectedFiles().forEach(rejection -> rejected.add(rejection.file() + " " + rejection.reason().code()));
        assertThat(rejected).containsExactly("cooperatives/broken.xlsx corrupt_export", "cooperatives/latin1.csv not_utf8",
                "cooperatives/photo.csv not_text", "cooperatives/twice.csv duplicate_column");
        // the UTF-16 file with its byte order mark is read like the UTF-8 one
        assertThat(report.datasets().get("cooperatives").files().keySet()).containsExactly("cooperatives/good.csv", "cooperatives/utf16.csv");
        assertThat(report.datasets().get("cooperatives").validRows()).isEqualTo(2);
        assertThat(fixture.current(Table.COOPERATIVES)).hasSize(2);
        assertThat(fixture.current(Table.QUARANTINE)).isEmpty();

        String id = fixture.warehouse().currentSnapshotId().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(fixture.warehouse().snapshot(id).resolve(WarehouseDirectory.RUN_REPORT_FILE).toFile());
        assertThat(json.get("rejected_files")).hasSize(4);
        assertThat(json.get("rejected_files").get(1).get("reason").asText()).isEqualTo("not_utf8");
        assertThat(json.get("rejected_files").get(1).get("message").asText()).contains("save it as CSV UTF-8");
        assertThat(report.summary()).contains("4 file(s) rejected, not read", "cooperatives/photo.csv: rejected (not_text): it holds NUL bytes");
    }

    @Test
    void whenEveryFileIsRejectedNothingIsPublishedAndEachFileIsNamed()
            throws IOException
    {
        IngestFixture fixture = new IngestFixture(folder).write("cooperatives/good.csv", cooperatives(IngestFixture.ONE_COOPERATIVE));
        fixture.run();
        String current = fixture.warehouse().currentSnapshotId().orElseThrow();
        Files.write(fixture.input().resolve("cooperatives/good.csv"), new byte[] {0, 1, 2, 3});

        assertThatThrownBy(fixture::run).isInstanceOf(IngestException.class)
                .hasMessage("every data file was rejected: cooperatives/good.csv: rejected (not_text): it holds NUL bytes: not a text file "
                        + "(or UTF-16 without a byte order mark); save it as CSV UTF-8 or JSON Lines");
        assertThat(fixture.warehouse().currentSnapshotId()).contains(current);
    }

    private static byte[] concat(byte[] left, byte[] right)
    {
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return both;
    }
}
