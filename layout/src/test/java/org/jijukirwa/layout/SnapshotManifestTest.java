package org.jijukirwa.layout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotManifestTest
{
    @TempDir
    Path folder;

    @Test
    void writtenManifestReadsBackEqual()
            throws Exception
    {
        SnapshotManifest manifest = SnapshotManifest.of("20200701T060000123Z-3f9a1c", LocalDate.parse("2020-06-30"),
                Instant.parse("2020-07-01T06:00:00.123Z"), Instant.parse("2020-07-01T06:00:41.870Z"), "ab12",
                Map.of("targets.csv", "11", "districts.csv", "22"));
        Path file = folder.resolve(WarehouseDirectory.MANIFEST_FILE);
        manifest.write(file);

        SnapshotManifest read = SnapshotManifest.read(file);

        assertThat(read).isEqualTo(manifest);
        assertThat(read.referenceFiles()).containsExactly(Map.entry("districts.csv", "22"), Map.entry("targets.csv", "11"));
        assertThat(Files.readString(file)).contains("\"reference_files\"").contains("\"reference_sha256\" : \"ab12\"").endsWith("}\n");
    }

    @Test
    void oldManifestHasNoReferenceFiles()
            throws Exception
    {
        Path file = folder.resolve("manifest.json");
        Files.writeString(file, """
                {"snapshot_id": "s1", "as_of": "2020-06-30", "started_at": "2020-07-01T06:00:00Z", "finished_at": "2020-07-01T06:01:00Z"}
                """);

        SnapshotManifest read = SnapshotManifest.read(file);

        assertThat(read.referenceFiles()).isEmpty();
        assertThat(read.referenceFingerprint()).isEqualTo(Optional.empty());
        assertThat(read.layoutVersion()).isEqualTo(WarehouseDirectory.LAYOUT_VERSION);
    }

    @Test
    void missingOrMalformedFieldIsNamed()
            throws Exception
    {
        Path file = folder.resolve("manifest.json");
        Files.writeString(file, "{\"snapshot_id\": \"s1\", \"started_at\": \"x\"}");
        assertThatThrownBy(() -> SnapshotManifest.read(file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("as_of");

        Files.writeString(file, "{\"snapshot_id\": \"s1\", \"as_of\": \"2020-13-01\", \"started_at\": \"2020-07-01T06:00:00Z\", \"finished_at\": \"2020-07-01T06:01:00Z\"}");
        assertThatThrownBy(() -> SnapshotManifest.read(file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("2020-13-01");
    }
}
