package org.jijukirwa.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Says what a run is doing, stage by stage: one plain line per finished stage with its rows and elapsed time
 * ({@code [ingest] members: 8,031 rows read and checked, 6,909 current (5.2 s)}). On a terminal a live line below
 * them shows the stages under way and the time so far, redrawn every second. Stages may run side by side.
 */
public final class RunProgress
        implements AutoCloseable
{
    private static final String PREFIX = "[ingest] ";
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream out;
    private final boolean live;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private final Map<String, Long> running = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;

    private RunProgress(PrintStream out, boolean live, LongSupplier nanoTime)
    {
        this.out = out;
        this.live = live;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.startedAt = nanoTime.getAsLong();
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ingest-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        }
        else {
            ticker = null;
        }
    }

    /** Progress that says nothing (tests, embedding programs). */
    public static RunProgress silent()
    {
        return new RunProgress(null, false, System::nanoTime);
    }

    /** Plain lines, for logs and pipes. */
    public static RunProgress lines(PrintStream out)
    {
        return new RunProgress(requireNonNull(out, "out is null"), false, System::nanoTime);
    }

    /** Lines plus a live line, for a terminal. */
    public static RunProgress terminal(PrintStream out)
    {
        return new RunProgress(requireNonNull(out, "out is null"), true, System::nanoTime);
    }

    static RunProgress lines(PrintStream out, LongSupplier nanoTime)
    {
        return new RunProgress(requireNonNull(out, "out is null"), false, nanoTime);
    }

    public synchronized void begin(String stage)
    {
        running.put(stage, nanoTime.getAsLong());
        redraw();
    }

    /** Ends a stage begun earlier: {@code stage: what (elapsed)}. */
    public synchronized void end(String stage, String what)
    {
        Long began = running.remove(stage);
        if (out == null) {
            return;
        }
        long elapsed = nanoTime.getAsLong() - (began == null ? startedAt : began);
        if (live) {
            out.print(CLEAR_LINE);
        }
        out.println(PREFIX + stage + ": " + what + " (" + seconds(elapsed) + ")");
        redraw();
    }

    /** A line that ends no stage: {@code what (time since the run started)}. */
    public synchronized void say(String what)
    {
        if (out == null) {
            return;
        }
        if (live) {
            out.print(CLEAR_LINE);
        }
        out.println(PREFIX + what + " (" + seconds(nanoTime.getAsLong() - startedAt) + " in all)");
        redraw();
    }

    private synchronized void redraw()
    {
        if (!live || out == null) {
            return;
        }
        out.print(CLEAR_LINE);
        if (!running.isEmpty()) {
            out.print(PREFIX + String.join(", ", running.keySet()) + "... " + seconds(nanoTime.getAsLong() - startedAt));
        }
        out.flush();
    }

    @Override
    public synchronized void close()
    {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        running.clear();
        redraw();
    }

    static String seconds(long nanos)
    {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(nanos).toMillis() / 1000.0);
    }

    /** 8031 as {@code 8,031}. */
    static String rows(long count)
    {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
