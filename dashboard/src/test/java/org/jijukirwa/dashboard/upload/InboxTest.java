package org.jijukirwa.dashboard.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox: content-addressed, recognising a content seen before, and a run's input in upload order. */
class InboxTest
{
    @TempDir
    Path warehouse;

    private static ByteArrayInputStream text(String content)
    {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRunsInputHoldsEveryFileInUploadOrderUnderItsDatasetAndEachContentOnce()
            throws IOException
    {
        Inbox inbox = new Inbox(warehouse);
        inbox.store("cooperatives.csv", "cooperatives", text("cooperative_id\nA\n"), "maria");
        inbox.store("export.xlsx", null, text("not really a workbook"), "maria");
        Inbox.Stored again = inbox.store("copy.csv", "cooperatives", text("cooperative_id\nA\n"), "ange");
        inbox.store("fix.csv", "cooperatives", text("cooperative_id\nB\n"), "ange");
        inbox.store("mapping.json", InboxEntry.MAPPING, text("{\"files\": []}"), "ange");

        assertThat(again.known()).isTrue();
        assertThat(again.entry().name()).isEqualTo("cooperatives.csv");
        Path input = Files.createDirectories(warehouse.resolve("input"));
        inbox.writeTo(input);
        try (Stream<Path> files = Files.walk(input)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> input.relativize(file).toString()).sorted())
                    .containsExactly("000001/cooperatives/cooperatives.csv", "000002/export.xlsx", "000003/cooperatives/fix.csv");
        }
        // a new inbox over the same folder reads the same list
        assertThat(new Inbox(warehouse).entries()).hasSize(4);
    }

    @Test
    void namesAreMadeSafeAndNeverHidden()
    {
        assertThat(Inbox.safeName("../../etc/passwd.csv")).isEqualTo("passwd.csv");
        assertThat(Inbox.safeName("C:\\Users\\x\\Members 2020 (final).csv")).isEqualTo("Members_2020__final_.csv");
        assertThat(Inbox.safeName(".hidden.csv")).isEqualTo("hidden.csv");
        assertThat(Inbox.safeName("")).isEqualTo("upload");
    }
}
