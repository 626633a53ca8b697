package org.jijukirwa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GcLogTest
{
    @Test
    void peakIsTheLargestHeapInUseBeforeACollection()
    {
        List<String> lines = List.of(
                "[0.014s][info][gc] Using G1",
                "[1.201s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms",
                "[9.870s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 1797M->412M(1834M) 40.1ms",
                "[9.900s][info][gc] GC(8) Concurrent Mark Cycle 80.936ms",
                "[12.0s][info][gc] GC(9) Pause Full (System.gc()) 900M->100M(2G) 300.0ms");

        GcLog.Heap heap = GcLog.peak(lines);

        assertThat(heap.peakUsedBytes()).isEqualTo(1797L * 1024 * 1024);
        assertThat(heap.peakCommittedBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @Test
    void noCollectionMeansNoFigure()
    {
        assertThat(GcLog.peak(List.of("[0.014s][info][gc] Using G1"))).isEqualTo(new GcLog.Heap(0, 0));
    }
}
