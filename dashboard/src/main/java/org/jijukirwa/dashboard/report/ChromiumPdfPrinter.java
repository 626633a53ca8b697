package org.jijukirwa.dashboard.report;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Prints a page to PDF with headless Chromium's print-to-PDF, one print at a time (the machine may have few cores),
 * each bounded by the configured timeout. Chromium's profile and the PDF go into a folder of the server's temporary
 * folder ({@code java.io.tmpdir}, the launcher's per-server folder), removed when the print ends, however it ends.
 */
@Singleton
public final class ChromiumPdfPrinter
{
    /**
     * Virtual time for the page to draw once its requests have answered: Chromium does not advance it while a request
     * is pending, so the page's API answers all arrive and its charts are drawn before the print.
     */
    private static final int VIRTUAL_TIME_BUDGET_MILLISECONDS = 30_000;

    private final ReportConfiguration configuration;
    private final Semaphore oneAtATime = new Semaphore(1, true);

    public ChromiumPdfPrinter(ReportConfiguration configuration)
    {
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    /** The PDF of the page at {@code url}; {@link ReportUnavailableException} when Chromium is missing, busy, failed or too slow. */
    public byte[] print(URI url)
    {
        Path chromium = configuration.chromium();
        if (!Files.isExecutable(chromium)) {
            throw new ReportUnavailableException("The PDF cannot be made on this server: Chromium is not installed at " + chromium
                    + " (install Debian's chromium, or set " + ReportConfiguration.PREFIX + ".chromium). The report page can still be printed from the browser.");
        }
        long deadline = System.nanoTime() + configuration.timeout().toNanos();
        try {
            if (!oneAtATime.tryAcquire(configuration.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ReportUnavailableException("The server is busy printing other reports; try again in a minute.");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportUnavailableException("The print was interrupted; try again.");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("report-print-");
            return printInto(folder, chromium, url, deadline);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot print the report: " + e.getMessage(), e);
        }
        finally {
            oneAtATime.release();
            if (folder != null) {
                deleteTree(folder);
            }
        }
    }

    private byte[] printInto(Path folder, Path chromium, URI url, long deadline)
            throws IOException
    {
        Path pdf = folder.resolve("report.pdf");
        Path log = folder.resolve("chromium.log");
        List<String> command = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions",
                "--user-data-dir=" + folder.resolve("profile"), "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MILLISECONDS, "--print-to-pdf=" + pdf, url.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long left = deadline - System.nanoTime();
            if (!process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                throw new ReportUnavailableException("The PDF took longer than " + configuration.timeout().toSeconds()
                        + " s to print and was stopped; try again, or print the report page from the browser.");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportUnavailableException("The print was interrupted; try again.");
        }
        finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
            throw new IllegalStateException("Chromium did not print " + url + " (exit " + process.exitValue() + "): " + tail(log));
        }
        return Files.readAllBytes(pdf);
    }

    private static String tail(Path log)
    {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        }
        catch (IOException e) {
            return "(no log)";
        }
    }

    private static void deleteTree(Path folder)
    {
        // Chromium may still be closing files for a moment after it exits: a second pass picks up what the first missed
        for (int attempt = 0; attempt < 3 && Files.exists(folder); attempt++) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            catch (IOException | UncheckedIOException e) {
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
