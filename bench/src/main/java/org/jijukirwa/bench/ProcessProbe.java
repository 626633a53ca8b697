package org.jijukirwa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child program to its end while sampling it through /proc (Linux) every 50 ms: its peak resident
 * set (VmHWM, the kernel's own high-water mark) and the CPU time it used (user + system).
 */
public final class ProcessProbe
{
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcessProbe()
    {
    }

    /** What one run of a program cost. */
    public record Measure(int exitCode, double wallSeconds, long peakRssBytes, double cpuSeconds)
    {
    }

    /** Runs the command with its output in {@code log}; fails when it exits non-zero. */
    public static Measure run(List<String> command, Path log)
    {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long started = System.nanoTime();
            long peakRss = 0;
            double cpu = 0;
            while (true) {
                Sample sample = sample(process.pid());
                if (sample != null) {
                    peakRss = Math.max(peakRss, sample.peakRssBytes());
                    cpu = Math.max(cpu, sample.cpuSeconds());
                }
                if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            double wall = (System.nanoTime() - started) / 1e9;
            int exit = process.exitValue();
            if (exit != 0) {
                throw new IllegalStateException("'" + String.join(" ", command.subList(Math.max(0, command.size() - 8), command.size()))
                        + "' exited with " + exit + "; see " + log);
            }
            return new Measure(exit, wall, peakRss, cpu);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Peak and current resident set and CPU seconds of a live process; null once it is gone. */
    public record Sample(long rssBytes, long peakRssBytes, double cpuSeconds)
    {
    }

    public static Sample sample(long pid)
    {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) << 10;
                }
                else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) << 10;
                }
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // fields after the command name, which is in parentheses and may hold blanks
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
            return new Sample(rss, peak, cpu);
        }
        catch (NoSuchFileException e) {
            return null;
        }
        catch (IOException | RuntimeException e) {
            // the process ended while it was read
            return null;
        }
    }

    /** CPU seconds of the children a live process has waited for (cutime + cstime): a Spark worker's finished executors. */
    public static double childrenCpuSeconds(long pid)
    {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / (double) CLOCK_TICKS_PER_SECOND;
        }
        catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + ": " + e.getMessage(), e);
        }
    }

    private static long kilobytes(String line)
    {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
