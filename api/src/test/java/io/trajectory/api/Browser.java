package io.trajectory.api;

import org.apache.commons.io.file.PathUtils;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven through its {@code chromedriver}),
 * installed first if the machine lacks it. One per test class; each has a fresh profile.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** A4 less the print stylesheet's 12 mm side margins, in CSS pixels (96 per inch). */
    static final int A4_PRINTABLE_WIDTH_PX = (int) Math.floor((210 - 2 * 12) / 25.4 * 96);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        installIfMissing();
        try {
            Path profile = Files.createTempDirectory("trajectory-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test suite installs what it needs: {@code scripts/ensure-debian-packages}. */
    private static void installIfMissing() {
        if (Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return;
        }
        Path script = SampleSnapshot.root().resolve("scripts/ensure-debian-packages");
        try {
            Process p = new ProcessBuilder(script.toString(), "chromium", "chromium-driver").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("Could not install chromium for the browser tests:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits until every chart on it has been drawn (or has failed). */
    void open(String url) {
        driver.get(url);
        awaitCharts();
    }

    void awaitCharts() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Boolean.TRUE.equals(js("return document.readyState === 'complete' && "
                + "[...document.querySelectorAll('div.vega')].every(e => e.dataset.rendered)"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("charts still not drawn after 30 s on " + driver.getCurrentUrl());
            }
            sleep(100);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Console errors and uncaught exceptions since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The whole page, not just the window, as a PNG. */
    void screenshot(Path file) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 100, 12000)));
        try {
            write(file, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Prints the page on A4, as a committee clerk would, and returns the number of pages. */
    int printA4(Path file) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(driver.print(options).getContent());
        write(file, pdf);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        return text.split("/Type\\s*/Page[^s]", -1).length - 1;
    }

    /** Lays the page out as printed on A4 (print media, printable width), runs {@code check}, then restores it. */
    <T> T asPrintedOnA4(java.util.function.Supplier<T> check) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", A4_PRINTABLE_WIDTH_PX,
                "height", 1100, "deviceScaleFactor", 1, "mobile", false));
        try {
            sleep(200);
            return check.get();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** WCAG 2.1 A and AA violations axe-core finds on the page: "rule: help [elements]". */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        String axe = read(Path.of(System.getProperty("trajectory.axe",
                SampleSnapshot.root().resolve("api/target/npm/node_modules/axe-core/axe.min.js").toString())));
        js(axe);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' "
                        + "+ JSON.stringify(v.nodes.slice(0, 5).map(n => n.target.join(' '))))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    /** Sends these headers (e.g. Authorization) with every request from now on. */
    void sendHeaders(Map<String, String> headers) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", headers));
    }

    @Override
    public void close() {
        driver.quit();
        try {
            PathUtils.deleteDirectory(profile);
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (npm installs it at build time)", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
