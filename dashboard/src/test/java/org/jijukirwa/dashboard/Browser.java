package org.jijukirwa.dashboard;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/** Headless Debian Chromium driven by its own chromedriver (nothing is downloaded), with a fresh profile. */
final class Browser
        implements AutoCloseable
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int DESKTOP_WIDTH = 1280;

    private final Path profile;
    private final Path downloads;
    private final ChromeDriver driver;

    private Browser(Path profile, Path downloads, ChromeDriver driver)
    {
        this.profile = profile;
        this.downloads = downloads;
        this.driver = driver;
    }

    static Browser start()
            throws IOException
    {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory("jijukirwa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=1280,1400", "--lang=en-GB");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        Path downloads = Files.createDirectories(profile.resolve("downloads"));
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return new Browser(profile, downloads, driver);
    }

    ChromeDriver driver()
    {
        return driver;
    }

    /** The console's errors and warnings so far, CSP violations included. */
    List<String> consoleProblems()
    {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    /** Saves a screenshot of the whole page under target/screenshots and returns its path. */
    Path screenshot(String name)
    {
        return screenshot(name, DESKTOP_WIDTH);
    }

    /** A screenshot of the top of the page in a window of this size (one report page: the README's picture). */
    Path screenshotOfTop(String name, int width, int height)
    {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeScript("window.scrollTo(0, 0)");
        return saveScreenshot(name);
    }

    /** A screenshot of the whole page at a window width (375 for a phone); the window keeps that width afterwards. */
    Path screenshot(String name, int width)
    {
        driver.manage().window().setSize(new Dimension(width, 900));
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, Math.max(800, ((Number) height).intValue() + 140)));
        return saveScreenshot(name);
    }

    /** The window as it is now, saved as {@code <screenshot.directory>/<name>.png}. */
    private Path saveScreenshot(String name)
    {
        File taken = driver.getScreenshotAs(OutputType.FILE);
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("screenshot.directory", "target/screenshots")));
            Path target = folder.resolve(name + ".png");
            Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files the page has downloaded so far (complete ones only). */
    Path downloads()
    {
        return downloads;
    }

    /** Waits for a complete download of this name and returns its path. */
    Path awaitDownload(String fileName, Duration timeout)
    {
        Path file = downloads.resolve(fileName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && !Files.exists(downloads.resolve(fileName + ".crdownload"))) {
                return file;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("no download " + fileName + " within " + timeout + "; have " + listing());
    }

    private List<String> listing()
    {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resizes the window to the desktop size used by the tests. */
    void desktop()
    {
        driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 1400));
    }

    @Override
    public void close()
            throws IOException
    {
        driver.quit();
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
