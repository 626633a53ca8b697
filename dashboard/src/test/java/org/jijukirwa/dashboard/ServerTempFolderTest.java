package org.jijukirwa.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real server-like processes, killed as an operator's kill -9 would: what they copied or spilled does not outlive them. */
class ServerTempFolderTest
{
    @TempDir
    Path base;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses()
            throws InterruptedException
    {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void temporaryFilesGoToTheServersOwnFolder()
            throws Exception
    {
        Holder server = start();

        assertThat(server.tempFile.getParent()).isEqualTo(server.folder);
    }

    @Test
    void aStartRemovesWhatAKilledServerLeftAndKeepsWhatALiveServerHolds()
            throws Exception
    {
        Holder killed = start();
        Holder live = start();
        killed.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(killed.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.tempFile).exists();

        Holder next = start();

        assertThat(next.removed).isEqualTo(1);
        assertThat(killed.folder).doesNotExist();
        assertThat(live.folder).exists();
        assertThat(live.tempFile).exists();
    }

    @Test
    void aServerStartedWithoutAServerFolderLeavesTheTemporaryFolderAlone()
            throws IOException
    {
        // This test JVM's java.io.tmpdir is the system's: nothing to claim there.
        assertThat(ServerTempFolder.claimCurrent(Duration.ZERO)).isEmpty();
    }

    @Test
    void aServerThatStopsNormallyRemovesItsFolder()
            throws Exception
    {
        Holder server = start();
        server.process.getOutputStream().close(); // its input closes: main returns and the JVM exits normally
        assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(server.folder).doesNotExist();
        try (var children = Files.list(base.resolve(ServerTempFolder.BASE_FOLDER_NAME))) {
            assertThat(children).isEmpty();
        }
    }

    private Holder start()
            throws IOException
    {
        // As the launcher does: a new folder under <temp>/jijukirwa-server, named by -Djava.io.tmpdir.
        Path folder = Files.createDirectories(base.resolve(ServerTempFolder.BASE_FOLDER_NAME)).resolve("server-" + processes.size());
        Files.createDirectory(folder);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + folder, "-cp", System.getProperty("java.class.path"), ServerTempFolderHolder.class.getName())
                .redirectErrorStream(true)
                .start();
        processes.add(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(Path.of(valueOf(output.readLine(), "folder "))).isEqualTo(folder);
        Path tempFile = Path.of(valueOf(output.readLine(), "temp-file "));
        int removed = Integer.parseInt(valueOf(output.readLine(), "removed "));
        return new Holder(process, folder, tempFile, removed);
    }

    private static String valueOf(String line, String prefix)
    {
        assertThat(line).startsWith(prefix);
        return line.substring(prefix.length());
    }

    private record Holder(Process process, Path folder, Path tempFile, int removed)
    {
    }
}
