package org.jijukirwa.dashboard.runqueue;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jijukirwa.dashboard.audit.AuditLog;
import org.jijukirwa.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ingest runs the dashboard starts, one at a time: each in its own JVM as the launcher starts it
 * ({@link IngestCommand}), over an input folder the inbox writes and a reference folder (the bundled tables and the
 * targets as last edited, {@link ReferenceInput}): a run with no new file but changed targets publishes. A run asked for while another waits joins the
 * waiting one (its input will hold the new files too). A run that fails publishes nothing: the ingest leaves
 * CURRENT as it was, so nothing served changes. Each run's state is kept in {@code <warehouse>/inbox/runs/<id>/run.json}
 * with the ingest's output beside it in {@code ingest.log}, so the list survives a restart.
 */
@Singleton
public final class RunQueue
{
    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final RunInput input;
    private final ReferenceInput reference;
    private final IngestCommand command;
    private final Warehouse warehouse;
    private final AuditLog auditLog;
    private final JsonMapper jsonMapper;
    private final Path warehouseFolder;
    private final Path runsFolder;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ingest-run-queue");
        thread.setDaemon(true);
        return thread;
    });
    /** Newest first. */
    private final List<QueuedRun> runs = new ArrayList<>();
    private volatile Process running;
    private int counter;

    public RunQueue(RunInput input, ReferenceInput reference, IngestCommand command, Warehouse warehouse, AuditLog auditLog, JsonMapper jsonMapper,
            @Property(name = "jijukirwa.warehouse.directory") Path warehouseFolder)
    {
        this.input = input;
        this.reference = reference;
        this.command = command;
        this.warehouse = warehouse;
        this.auditLog = auditLog;
        this.jsonMapper = jsonMapper;
        this.warehouseFolder = warehouseFolder;
        this.runsFolder = warehouseFolder.resolve("inbox").resolve("runs");
        runs.addAll(readRuns());
        counter = runs.size();
    }

    /** Queues a run, or adds the cause to the run already waiting; returns the run that will do it. */
    public synchronized QueuedRun submit(String cause, @Nullable String user, @Nullable String mappingSha256)
    {
        Optional<QueuedRun> waiting = runs.stream().filter(run -> run.state() == RunState.QUEUED).findFirst();
        if (waiting.isPresent()) {
            QueuedRun joined = waiting.get().withCause(cause, mappingSha256);
            replace(joined);
            return joined;
        }
        counter++;
        String id = ID_TIME.format(clock.instant()) + "-" + counter;
        QueuedRun run = new QueuedRun(id, RunState.QUEUED, cause, user, clock.instant(), null, null, null, null, null, null, null, mappingSha256);
        runs.add(0, run);
        save(run);
        auditLog.record(user, null, "run-queued", "run " + id + ": " + cause);
        worker.submit(() -> execute(id));
        return run;
    }

    /** Every run, newest first. */
    public synchronized List<QueuedRun> runs()
    {
        return List.copyOf(runs);
    }

    public synchronized Optional<QueuedRun> run(String id)
    {
        return runs.stream().filter(run -> run.id().equals(id)).findFirst();
    }

    private void execute(String id)
    {
        QueuedRun run;
        synchronized (this) {
            run = run(id).orElseThrow().running(clock.instant());
            replace(run);
        }
        Path folder = runsFolder.resolve(id);
        Path inputFolder = folder.resolve("input");
        Path referenceFolder = folder.resolve("reference");
        String failure;
        String published = null;
        try {
            Files.createDirectories(inputFolder);
            input.writeTo(inputFolder);
            reference.writeTo(Files.createDirectories(referenceFolder));
            Optional<Path> mapping = Optional.ofNullable(run.mappingSha256()).map(input::mappingFile);
            Process process = command.start(inputFolder, referenceFolder, warehouseFolder, mapping);
            running = process;
            // a run that hangs is stopped: its output ends, the loop below ends
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.CompletableFuture.delayedExecutor(command.timeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (process.isAlive()) {
                    stopped.set(true);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            });
            String lastError = null;
            String lastLine = null;
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter log = new PrintWriter(Files.newBufferedWriter(folder.resolve("ingest.log"), StandardCharsets.UTF_8), true)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    log.println(line);
                    if (!line.isBlank() && !line.startsWith("\tat ")) {
                        lastLine = line;
                    }
                    Optional<ProgressLine> progress = ProgressLine.parse(line);
                    if (progress.isPresent()) {
                        published = progress.get().publishedSnapshot() != null ? progress.get().publishedSnapshot() : published;
                        progressed(id, progress.get());
                    }
                    else if (line.startsWith("ingest: ") && !line.startsWith("ingest: WARNING")) {
                        lastError = line.substring("ingest: ".length());
                    }
                }
            }
            process.waitFor();
            if (stopped.get()) {
                failure = "the run took longer than " + command.timeout() + " and was stopped";
            }
            else if (process.exitValue() == 0) {
                failure = null;
            }
            else {
                failure = lastError != null ? lastError : "the ingest stopped with exit code " + process.exitValue()
                        + (lastLine != null ? ": " + lastLine : "") + " (its output: ingest.log of run " + id + ")";
            }
        }
        catch (IOException | RuntimeException e) {
            LOG.warn("Ingest run {} could not run", id, e);
            failure = "the run could not start: " + e.getMessage();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "the server stopped during the run";
        }
        finally {
            running = null;
            deleteQuietly(inputFolder);
            deleteQuietly(referenceFolder);
        }
        finish(id, failure, published);
    }

    private synchronized void progressed(String id, ProgressLine line)
    {
        run(id).ifPresent(run -> replace(run.progressed(line)));
    }

    private void finish(String id, @Nullable String failure, @Nullable String published)
    {
        QueuedRun done;
        synchronized (this) {
            QueuedRun run = run(id).orElseThrow();
            RunState state = failure != null ? RunState.FAILED : published != null ? RunState.PUBLISHED : RunState.NOTHING_NEW;
            done = run.finished(state, clock.instant(), failure != null ? failure.lines().findFirst().orElse(failure) : null, published);
            replace(done);
        }
        if (published != null) {
            try {
                warehouse.refresh();  // serve it now rather than at the next poll
            }
            catch (RuntimeException e) {
                LOG.warn("Snapshot {} is published but could not be loaded yet; the poller tries again", published, e);
            }
        }
        auditLog.record(done.user(), null, "run-" + done.state().code().replace('_', '-'), "run " + id
                + (published != null ? " published snapshot " + published : "") + (done.message() != null ? ": " + done.message() : ""));
    }

    private void replace(QueuedRun run)
    {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id().equals(run.id())) {
                runs.set(i, run);
            }
        }
        save(run);
    }

    private void save(QueuedRun run)
    {
        try {
            Path file = Files.createDirectories(runsFolder.resolve(run.id())).resolve("run.json");
            Path temporary = file.resolveSibling("run.json.part");
            Files.write(temporary, jsonMapper.writeValueAsBytes(run));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            LOG.warn("Cannot save the state of run {}", run.id(), e);
        }
    }

    /** The runs of earlier server lives; one that was queued or running when the server stopped is failed. */
    private List<QueuedRun> readRuns()
    {
        if (!Files.isDirectory(runsFolder)) {
            return List.of();
        }
        List<QueuedRun> read = new ArrayList<>();
        try (Stream<Path> folders = Files.list(runsFolder)) {
            for (Path folder : folders.toList()) {
                Path file = folder.resolve("run.json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    QueuedRun run = jsonMapper.readValue(Files.readAllBytes(file), QueuedRun.class);
                    if (!run.state().finished()) {
                        run = run.finished(RunState.FAILED, clock.instant(), "the server stopped before the run finished", null);
                        Path corrected = file;
                        Files.write(corrected, jsonMapper.writeValueAsBytes(run));
                    }
                    read.add(run);
                }
                catch (IOException | RuntimeException e) {
                    LOG.warn("Cannot read the state of run {}", folder.getFileName(), e);
                }
            }
        }
        catch (IOException e) {
            LOG.warn("Cannot list the runs in {}", runsFolder, e);
        }
        read.sort(Comparator.comparing(QueuedRun::queuedAt).reversed());
        return read;
    }

    private static void deleteQuietly(Path folder)
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            LOG.debug("Cannot remove {}", folder, e);
        }
    }

    @PreDestroy
    void stop()
    {
        worker.shutdownNow();
        Process process = running;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
