package org.jijukirwa.ingest.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneClusterTest
{
    @Test
    void theClusterGetsSparksJarsButNotTheProjectsOwnClasses()
    {
        String classpath = String.join(":",
                "/repo/ingest/target/classes",
                "/repo/layout/target/layout-0.1.0-SNAPSHOT.jar",
                "/home/u/.m2/repository/org/jijukirwa/layout/0.1.0-SNAPSHOT/layout-0.1.0-SNAPSHOT.jar",
                "/home/u/.m2/repository/org/apache/spark/spark-core_2.13/4.1.3/spark-core_2.13-4.1.3.jar",
                "/home/u/.m2/repository/org/scala-lang/scala-library/2.13.16/scala-library-2.13.16.jar");

        assertThat(StandaloneCluster.sparkJars(classpath)).containsExactly(
                Path.of("/home/u/.m2/repository/org/apache/spark/spark-core_2.13/4.1.3/spark-core_2.13-4.1.3.jar"),
                Path.of("/home/u/.m2/repository/org/scala-lang/scala-library/2.13.16/scala-library-2.13.16.jar"));
    }

    @Test
    void aShapeNeedsWorkersCoresAndSparksMemoryNotation()
    {
        assertThat(new StandaloneCluster.Shape(2, 1, "1g").memoryPerWorker()).isEqualTo("1g");
        assertThatThrownBy(() -> new StandaloneCluster.Shape(0, 1, "1g")).hasMessageContaining("at least one worker");
        assertThatThrownBy(() -> new StandaloneCluster.Shape(1, 0, "1g")).hasMessageContaining("at least one core");
        assertThatThrownBy(() -> new StandaloneCluster.Shape(1, 1, "1 GB")).hasMessageContaining("like 512m or 2g");
    }
}
