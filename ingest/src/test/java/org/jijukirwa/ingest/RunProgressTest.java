package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RunProgressTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void plainLinesSayEachStageWithItsOwnTimeAndStagesMayOverlap()
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong(100 * SECOND);
        try (RunProgress progress = RunProgress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get)) {
            progress.begin("reading");
            now.addAndGet(SECOND / 2);
            progress.end("reading", "12 data files, 1.9 MB");
            progress.begin("members");
            progress.begin("trainings");
            now.addAndGet(3 * SECOND);
            progress.end("trainings", RunProgress.rows(3_482) + " rows read");
            now.addAndGet(2 * SECOND + SECOND / 4);
            progress.end("members", RunProgress.rows(8_031) + " rows read");
            progress.say("nothing new: no snapshot published");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "[ingest] reading: 12 data files, 1.9 MB (0.5 s)",
                "[ingest] trainings: 3,482 rows read (3.0 s)",
                "[ingest] members: 8,031 rows read (5.3 s)",
                "[ingest] nothing new: no snapshot published (5.8 s in all)");
    }
}
