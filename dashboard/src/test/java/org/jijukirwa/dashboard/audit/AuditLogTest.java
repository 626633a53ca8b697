package org.jijukirwa.dashboard.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest
{
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T08:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void readsBackWhatItAppendedNewestFirst()
    {
        AuditLog log = new AuditLog(folder.resolve("audit/audit.jsonl"), CLOCK);
        log.record("maria", "127.0.0.1", "sign-in", "");
        log.record(null, "10.0.0.9", "sign-in-failed", "name \"bob\"");
        log.record("maria", "127.0.0.1", "upload", "members.csv sha256:ab12");

        List<AuditEntry> entries = log.newest(10);

        assertThat(entries).extracting(AuditEntry::action).containsExactly("upload", "sign-in-failed", "sign-in");
        assertThat(entries.get(1)).isEqualTo(new AuditEntry(CLOCK.instant(), null, "10.0.0.9", "sign-in-failed", "name \"bob\""));
        assertThat(log.newest(2)).extracting(AuditEntry::action).containsExactly("upload", "sign-in-failed");
    }

    @Test
    void skipsATornLastLineAndKeepsAppendingAfterIt()
            throws Exception
    {
        Path file = folder.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file, CLOCK);
        log.record("ana", null, "sign-out", "");
        Files.writeString(file, "{\"at\":\"2026-12-04T08:3", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(log.newest(5)).extracting(AuditEntry::action).containsExactly("sign-out");
    }

    @Test
    void concurrentAppendsAreWholeLines()
    {
        AuditLog log = new AuditLog(folder.resolve("audit.jsonl"), CLOCK);
        IntStream.range(0, 400).parallel().forEach(i -> log.record("user" + i, null, "query", "x".repeat(i)));

        assertThat(log.newest(1000)).hasSize(400);
    }

    @Test
    void aMissingFileIsAnEmptyLogAndTheLimitMustBePositive()
    {
        AuditLog log = new AuditLog(folder.resolve("none/audit.jsonl"), CLOCK);
        assertThat(log.newest(3)).isEmpty();
        assertThatThrownBy(() -> log.newest(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
