package org.jijukirwa.dashboard.runqueue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest's progress lines (ingest RunProgress) as the run queue reads them. */
class ProgressLineTest
{
    @Test
    void aDatasetLineGivesItsStageAndRowsRead()
    {
        ProgressLine line = ProgressLine.parse("[ingest] members: 8,031 rows read from 3 files, checked and versioned: 1,122 quarantined, 6,909 current (5.2 s)")
                .orElseThrow();

        assertThat(line.stage()).isEqualTo("members");
        assertThat(line.rows()).isEqualTo(8031L);
        assertThat(line.text()).startsWith("members: 8,031 rows read");
        assertThat(line.publishedSnapshot()).isNull();
    }

    @Test
    void thePublishingLineNamesTheSnapshot()
    {
        ProgressLine line = ProgressLine.parse("[ingest] publishing: snapshot 20261204T015636137Z-f42889 is CURRENT (0.2 s)").orElseThrow();

        assertThat(line.stage()).isEqualTo("publishing");
        assertThat(line.rows()).isNull();
        assertThat(line.publishedSnapshot()).isEqualTo("20261204T015636137Z-f42889");
    }

    @Test
    void otherLinesAreNotProgress()
    {
        assertThat(ProgressLine.parse("ingest: nothing published: the run would lose a dataset")).isEmpty();
        assertThat(ProgressLine.parse("01:53:31 WARN Utils: Set SPARK_LOCAL_IP")).isEmpty();
        assertThat(ProgressLine.parse("[ingest] nothing new: no snapshot published (0.1 s in all)").orElseThrow().publishedSnapshot()).isNull();
    }
}
