package io.jingling.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jingling.config.ConfigVersions;
import io.jingling.support.HubTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): a dispatcher logs in, opens
 * an assist request in the form and finds it on the dashboard; an admin edits a rule,
 * dry-runs it on the sample assist request, saves it and rolls it back. Prints each
 * page's load time and keeps screenshots under {@code target/console-screenshots/}.
 * Skipped, saying why, only where no browser is installed.
 */
@HubTest
class ConsoleBrowserTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String PASSWORD = "jingling-demo";

	@TempDir
	static Path profile;

	static WebDriver browser;

	static final Map<String, Long> loadTimes = new LinkedHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	ConfigVersions versions;

	@BeforeAll
	static void startBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"skipped: no Chromium at /usr/bin/chromium with /usr/bin/chromedriver"
						+ " (Debian packages chromium and chromium-driver; .ci/run installs them)");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			System.out.println("console.page-load ms " + loadTimes);
		}
	}

	@Test
	void aDispatcherOpensAnAssistRequestAndAnAdminDryRunsARuleEditAndRollsItBack() {
		logIn("demo-dispatcher");
		open("/assist-requests/new", By.id("assist-form"));
		browser.findElement(By.cssSelector("input[name=circles][value=transport]")).click();
		browser.findElement(By.name("content")).sendKeys("寻找一辆灰色面包车，车尾有划痕（浏览器测试）");
		new Select(browser.findElement(By.name("caseOfficer"))).selectByValue("officer01");
		browser.findElement(By.cssSelector("#assist-form button[type=submit]")).click();
		waitFor().until(ExpectedConditions.urlMatches("/assist-requests/XC-\\d{8}-\\d{3}$"));
		String code = browser.findElement(By.id("code")).getText();
		waitFor().until((driver) -> driver.findElement(By.id("summary")).getText().contains("交通运输圈"));
		loadTimes.put("assist-request", loadTime());
		screenshot("assist-request");

		open("/", By.id("assists"));
		waitFor().until((driver) -> driver.findElement(By.cssSelector("#assists tbody")).getText().contains(code));
		waitFor().until((driver) -> driver.findElements(By.cssSelector("#circles tbody tr")).size() == 6);
		assertThat(browser.findElements(By.cssSelector("#circles tbody tr"))).first()
			.satisfies((transport) -> assertThat(transport.getText()).startsWith("交通运输圈 3 "));
		loadTimes.put("dashboard", loadTime());
		screenshot("dashboard");
		browser.findElement(By.cssSelector("header .logout button")).click();
		waitFor().until(ExpectedConditions.urlContains("/login"));

		logIn("demo-admin");
		String before = this.versions.content("rules", this.versions.activeVersion("rules").orElseThrow())
			.orElseThrow();
		int active = this.versions.activeVersion("rules").orElseThrow();
		open("/config", By.id("kind"));
		new Select(browser.findElement(By.id("kind"))).selectByValue("rules");
		WebElement content = browser.findElement(By.id("content"));
		waitFor().until((driver) -> content.getAttribute("value").contains("# ---- file: circles.yaml ----"));
		loadTimes.put("config", loadTime());
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[0].value"
						+ ".replace('size(event.circles) == 6', 'size(event.circles) >= 2')"
						+ ".replace('size(event.circles) > 0 && size(event.circles) < 6', 'size(event.circles) == 1')",
				content);

		new Select(browser.findElement(By.id("dry-run-source"))).selectByValue("sample:at-bot-assist-request.json");
		browser.findElement(By.id("dry-run")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run-added")));
		assertThat(browser.findElement(By.id("dry-run-added")).getText()).isEqualTo("审批：局领导");
		assertThat(browser.findElement(By.id("dry-run-removed")).getText()).contains("交通运输圈", "房屋出租圈");
		assertThat(browser.findElement(By.id("result")).getText()).contains("未发送任何消息");
		assertThat(browser.findElement(By.id("dry-run-totals")).getText()).contains("企业微信群发", "钉钉审批 0 1",
				"短信至多（条） 0 0");
		screenshot("config-dry-run");

		browser.findElement(By.id("reason")).sendKeys("两个圈子以上的协查须审批");
		browser.findElement(By.id("save")).click();
		waitFor().until((driver) -> driver.findElement(By.id("result")).getText().startsWith("已保存为第"));
		assertThat(this.versions.activeVersion("rules")).contains(active + 1);
		assertThat(this.versions.content("rules", active + 1).orElseThrow()).contains("size(event.circles) >= 2");

		waitFor()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-rollback='" + active + "']")))
			.click();
		waitFor().until((driver) -> driver.findElement(By.id("result")).getText().startsWith("已回滚"));
		assertThat(this.versions.activeVersion("rules")).contains(active + 2);
		assertThat(this.versions.content("rules", active + 2)).contains(before);
		screenshot("config-rolled-back");

		new Select(browser.findElement(By.id("kind"))).selectByValue("escalation");
		waitFor().until((driver) -> driver.findElement(By.id("content")).getAttribute("value").contains("urgent"));
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[0].value.replace('{ after: 3m, action: ding }', '{ after: 3m, action: sms }')",
				browser.findElement(By.id("content")));
		new Select(browser.findElement(By.id("dry-run-source"))).selectByValue("days:7");
		browser.findElement(By.id("dry-run")).click();
		waitFor().until((driver) -> driver.findElement(By.id("result")).getText().startsWith("试运行完成"));
		assertThat(browser.findElement(By.id("result")).getText()).contains("条警令", "未发送任何消息");
		assertThat(browser.findElement(By.id("dry-run-totals")).getText()).contains("DING（人次）", "短信至多（条）");
		screenshot("config-escalation-dry-run");
	}

	/** Keeps what the page looks like under {@code target/console-screenshots/}. */
	private static void screenshot(String name) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "console-screenshots"));
			Files.write(directory.resolve(name + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void logIn(String username) {
		open("/login", By.name("password"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header .logout")));
	}

	private void open(String path, By shown) {
		browser.get("http://127.0.0.1:" + this.port + path);
		waitFor().until(ExpectedConditions.presenceOfElementLocated(shown));
	}

	private static WebDriverWait waitFor() {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	/** The time from navigation start to the load event of the page shown, in ms. */
	private static long loadTime() {
		Object ms = ((JavascriptExecutor) browser).executeScript(
				"const n = performance.getEntriesByType('navigation')[0]; return Math.round(n.loadEventEnd);");
		return ((Number) ms).longValue();
	}

}
