package org.jijukirwa.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShufflePartitionsTest
{
    @TempDir
    Path folder;

    @Test
    void onePartitionPer64MegabytesOfInputAndAtLeastOnePerCore()
            throws IOException
    {
        // 3 x 50 MB = 150 MB: ceil(150 / 64) = 3
        assertThat(IngestJob.shufflePartitions(files(50, 50, 50), 2)).isEqualTo(3);
        // 1 MB on 2 cores: still one per core
        assertThat(IngestJob.shufflePartitions(files(1), 2)).isEqualTo(2);
        // exactly 128 MB: 2
        assertThat(IngestJob.shufflePartitions(files(64, 64), 1)).isEqualTo(2);
    }

    @Test
    void neverMoreThanSparksDefault()
            throws IOException
    {
        // 13 GB of (sparse) files would ask for 208
        assertThat(IngestJob.shufflePartitions(files(6656, 6656), 2)).isEqualTo(200);
    }

    private List<InputFile> files(int... megabytes)
            throws IOException
    {
        List<InputFile> files = new ArrayList<>();
        for (int index = 0; index < megabytes.length; index++) {
            Path path = folder.resolve("members_" + index + "_" + megabytes[index] + ".csv");
            try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
                file.setLength(megabytes[index] * 1048576L);
            }
            files.add(new InputFile(path.toString(), path.getFileName().toString(), RecordSet.MEMBERS, SourceFormat.CSV,
                    ColumnMapping.none().resolve(path.getFileName().toString(), java.util.Optional.of(RecordSet.MEMBERS)).orElseThrow().resolver(), "0"));
        }
        return files;
    }
}
