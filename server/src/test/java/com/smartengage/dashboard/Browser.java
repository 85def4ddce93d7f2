package com.smartengage.dashboard;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import com.smartengage.support.IntegrationTest;

/**
 * Debian's headless Chromium, driven by its chromedriver through Selenium, with a fresh
 * profile and a download folder of its own. Without Chromium or chromedriver the browser
 * tests are skipped with a loud warning, except under {@code CI=true}, where they fail.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("smartengage.test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path
		.of(System.getProperty("smartengage.test.chromedriver", "/usr/bin/chromedriver"));

	private static volatile boolean warned;

	private final ChromeDriver driver;

	private final Path profile;

	private final Path downloads;

	private final String base;

	private Browser(String base) throws IOException {
		this.base = base;
		this.profile = Files.createTempDirectory("se-chromium-profile");
		this.downloads = Files.createTempDirectory("se-chromium-downloads");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1366,768", "--user-data-dir=" + this.profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		this.driver = new ChromeDriver(service, options);
		this.driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", this.downloads.toString()));
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	/** A new browser on the server at {@code base}, or a skip (a failure in CI). */
	static Browser open(String base) throws IOException {
		String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
				: !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
		if (missing != null) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true and " + missing
						+ " is missing: install Chromium and its driver (apt-get install -y chromium chromium-driver)");
			}
			if (!warned) {
				warned = true;
				System.err.println("""

						!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
						!! Chromium or chromedriver is missing, so the browser tests are SKIPPED.    !!
						!! Install them with: apt-get install -y chromium chromium-driver            !!
						!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
						""" + "   missing: " + missing + "\n");
			}
			Assumptions.abort("Browser tests need " + missing);
		}
		return new Browser(base);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void go(String path) {
		this.driver.get(this.base + path);
	}

	String path() {
		return this.driver.getCurrentUrl().substring(this.base.length());
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	WebDriverWait waiting(Duration timeout) {
		return new WebDriverWait(this.driver, timeout, Duration.ofMillis(50));
	}

	/**
	 * Logs in through the login form (the one open, or the one a dashboard page sends
	 * to), unless the browser is logged in already.
	 */
	void logIn() {
		if (!this.driver.getCurrentUrl().startsWith(this.base + "/dashboard/login")) {
			go("/dashboard");
		}
		if (path().startsWith("/dashboard/login")) {
			type("#token", IntegrationTest.ADMIN_TOKEN);
			find("form.form button[type=submit]").click();
			waiting(Duration.ofSeconds(10)).until((d) -> !path().startsWith("/dashboard/login"));
		}
	}

	void size(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	void screenshot(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
	}

	/** The downloaded file of that name, once it is complete. */
	Path download(String name, Duration timeout) {
		Path file = this.downloads.resolve(name);
		waiting(timeout)
			.until((d) -> Files.exists(file) && !Files.exists(this.downloads.resolve(name + ".crdownload")));
		return file;
	}

	/** Console messages at the given level or worse, e.g. refused scripts or styles. */
	List<String> console(Level level) {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= level.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			delete(this.profile);
			delete(this.downloads);
		}
	}

	private static void delete(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
