package org.opensupervision.e2e;

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
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both paths are given explicitly, so Selenium
 * Manager is never asked for (and never downloads) a driver or a browser; a machine without them fails here, naming
 * the packages ({@code .ci/run} installs them). The driver runs in China Standard Time ({@code TZ=Asia/Shanghai}), the
 * browser in zh-CN, with a fresh profile. One browser per run: people change by clearing every cookie (the
 * application's and Keycloak's, both on 127.0.0.1), as a citizen at home and a handler at work would never share one.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private int shots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** A new headless Chromium whose screenshots go to {@code target/e2e/<run>/}. */
    static Browser start(String run) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The end-to-end tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): `apt-get install -y chromium chromium-driver` (.ci/run does "
                    + "it), or skip them with -De2e.skip=true");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path screenshots = Path.of("target", "e2e", run);
            deleteRecursively(screenshots);
            Files.createDirectories(screenshots);
            Path profile = Files.createTempDirectory("e2e-chromium-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh"))
                    .withLogFile(screenshots.resolve("chromedriver.log").toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                    "--window-size=1440,1000", "--lang=zh-CN");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile, screenshots);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String title() {
        return driver.getTitle();
    }

    /** The visible text of the page. */
    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Another person at the keyboard: no cookie of anybody before (the application's, Keycloak's). */
    void newPerson() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
    }

    WebElement find(By by) {
        return await(d -> {
            List<WebElement> found = d.findElements(by);
            return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        }, "a visible " + by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean present(By by) {
        return driver.findElements(by).stream().anyMatch(e -> {
            try {
                return e.isDisplayed();
            } catch (StaleElementReferenceException gone) {
                return false;
            }
        });
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    void click(By by) {
        WebElement element = find(by);
        scrollTo(element);
        element.click();
    }

    void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    void scrollToTop() {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
    }

    /** Waits until the page's text contains {@code text}. */
    void awaitText(String text) {
        await(d -> d.findElement(By.tagName("body")).getText().contains(text) ? Boolean.TRUE : null,
                "the text \"" + text + "\" on " + driver.getCurrentUrl());
    }

    <T> T await(Function<WebDriver, T> condition, String what) {
        return await(condition, what, WAIT);
    }

    <T> T await(Function<WebDriver, T> condition, String what, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(250));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> "waited " + timeout.toSeconds() + " s for " + what + "; page " + driver.getCurrentUrl());
        try {
            return wait.until(condition::apply);
        } catch (RuntimeException ex) {
            screenshot("failed");
            throw ex;
        }
    }

    /** Saves {@code target/e2e/<run>/NN-name.png} and returns its path. */
    Path screenshot(String name) {
        shots++;
        Path file = screenshots.resolve(String.format("%02d-%s.png", shots, name));
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (RuntimeException ex) {
            System.out.println("[e2e] no screenshot " + file + ": " + ex);
        }
        System.out.println("[e2e] screenshot " + file);
        return file;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                deleteRecursively(profile);
            } catch (IOException ex) {
                System.out.println("[e2e] could not delete " + profile + ": " + ex);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
