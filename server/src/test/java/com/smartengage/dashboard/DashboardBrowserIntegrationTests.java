package com.smartengage.dashboard;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import com.smartengage.support.Fixtures;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium): an operator sets up a campaign
 * through the forms and watches its funnel move as a phone scans, without reloading;
 * downloads a QR code and a CSV export; uploads coupon codes.
 */
@IntegrationTest
class DashboardBrowserIntegrationTests extends ServerTests {

	@Test
	void anOperatorSetsUpACampaignAndWatchesItsFunnelMoveWithoutReloading() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		try (Browser browser = Browser.open(this.http.base())) {
			browser.go("/dashboard/partners");
			assertThat(browser.path()).startsWith("/dashboard/login");
			browser.logIn();
			assertThat(browser.path()).isEqualTo("/dashboard/partners");

			browser.type("#partner-name", "Browser partner " + suffix);
			browser.find("form[action='/dashboard/partners'] button[type=submit]").click();
			browser.waiting(Duration.ofSeconds(10)).until((d) -> browser.path().contains("created="));
			browser.go("/dashboard/screens");
			browser.type("#screen-name", "Browser screen " + suffix);
			browser.type("#screen-location", "Lobby");
			browser.find("form[action='/dashboard/screens'] button[type=submit]").click();
			browser.waiting(Duration.ofSeconds(10)).until((d) -> browser.path().contains("created="));
			assertThat(browser.find("main").getText()).contains("Browser screen " + suffix);

			browser.go("/dashboard/campaigns/new");
			new Select(browser.find("#partnerId")).selectByVisibleText("Browser partner " + suffix);
			browser.type("#name", "Browser campaign " + suffix);
			browser.type("#formUrl", "https://partner.example.com/form");
			browser.type("#couponQuota", "5");
			browser.find("#campaign-form button[type=submit]").click();
			browser.waiting(Duration.ofSeconds(10)).until((d) -> browser.path().matches("/dashboard/campaigns/\\d+.*"));
			assertThat(browser.find("h1").getText()).contains("Browser campaign " + suffix);

			new Select(browser.find("#screen_id")).selectByVisibleText("Browser screen " + suffix + " · Lobby");
			browser.find(".add-placement button[type=submit]").click();
			browser.waiting(Duration.ofSeconds(10)).until((d) -> !browser.findAll(".placement .scan-url").isEmpty());
			String scanUrl = browser.find(".placement .scan-url").getText();
			String slug = scanUrl.substring(scanUrl.lastIndexOf('/') + 1);

			browser.script("window.notReloaded = true");
			// The stream is open and the first numbers are drawn (in either order).
			browser.waiting(Duration.ofSeconds(10))
				.until((d) -> browser.find("#live-status").getAttribute("class").contains("on")
						&& "0".equals(scanned(browser)));

			long before = System.nanoTime();
			this.fixtures.scan(slug);
			// The server side is asserted at two seconds (DashboardLiveIntegrationTests);
			// the browser's fetch and redraw get a little more on a busy machine.
			browser.waiting(Duration.ofSeconds(5)).until((d) -> "1".equals(scanned(browser)));
			long millis = (System.nanoTime() - before) / 1_000_000;

			assertThat(millis).as("ms from the scan to the redrawn funnel").isLessThan(5000);
			assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
			assertThat(browser.find("[data-kpi=scanned]").getText()).isEqualTo("1");
			assertThat(browser.find("#screens-table tbody").getText()).contains("Browser screen " + suffix);
			assertThat(browser.console(Level.SEVERE)).as("console errors, e.g. refused by the CSP").isEmpty();
		}
	}

	@Test
	void anOperatorDownloadsAQrCodeAndAnExportAndUploadsCodes() throws Exception {
		Fixtures.World world = this.fixtures.world(2);
		String first = this.fixtures.scan(world.slug());
		String second = this.fixtures.approvedSession(world);
		Path codes = Files.createTempFile("codes", ".csv");
		Files.writeString(codes, "code\nBROWSER-" + world.campaignId() + "-1\nBROWSER-" + world.campaignId()
				+ "-2\nBROWSER-" + world.campaignId() + "-3\n");
		try (Browser browser = Browser.open(this.http.base())) {
			browser.logIn();
			browser.go("/dashboard/campaigns/" + world.campaignId());

			browser.find("#placement-" + world.slug() + " [data-qr-png]").click();
			Path png = browser.download("qr-" + world.slug() + ".png", Duration.ofSeconds(10));
			assertThat(decodeQr(png)).isEqualTo(this.http.base() + "/s/" + world.slug());

			browser.find("#export-sessions").click();
			Path csv = browser.download("campaign-" + world.campaignId() + "-sessions.csv", Duration.ofSeconds(10));
			List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
			assertThat(lines).hasSize(3);
			assertThat(lines.get(0)).startsWith("session_id,screen_id,screen_name,scanned_at");
			assertThat(lines.subList(1, 3)).anySatisfy((line) -> assertThat(line).startsWith(first + ","))
				.anySatisfy((line) -> assertThat(line).startsWith(second + ","));

			browser.find("#codes-upload").sendKeys(codes.toString());
			browser.find("form[data-upload-url] button[type=submit]").click();
			browser.waiting(Duration.ofSeconds(10))
				.until((d) -> browser.find("form[data-upload-url] .upload-status").getText().contains("codes added"));
			assertThat(browser.find("form[data-upload-url] .upload-status").getText())
				.isEqualTo("3 codes added to the pool.");
			browser.waiting(Duration.ofSeconds(5))
				.until((d) -> "5"
					.equals(browser.script("return document.querySelector('[data-pool=total]').textContent")));

			// A new campaign whose codes come from a file: created, then the file
			// uploaded.
			Files.writeString(codes, "NEW-" + world.campaignId() + "-1\nNEW-" + world.campaignId() + "-2\n");
			browser.go("/dashboard/campaigns/new?partner=" + world.partnerId());
			browser.type("#name", "Uploaded codes " + world.campaignId());
			browser.type("#formUrl", "https://partner.example.com/form");
			browser.find("input[name=coupons][value=upload]").click();
			browser.find("#codes-file").sendKeys(codes.toString());
			browser.find("#campaign-form button[type=submit]").click();
			browser.waiting(Duration.ofSeconds(10))
				.until((d) -> browser.path().matches("/dashboard/campaigns/\\d+\\?created"));
			assertThat(browser.find("h1").getText()).contains("Uploaded codes " + world.campaignId());
			assertThat(browser.find("[data-pool=total]").getText()).isEqualTo("2");
		}
		finally {
			Files.deleteIfExists(codes);
		}
	}

	private static String scanned(Browser browser) {
		// Read in one go: the table may be redrawn between finding a cell and reading it.
		return (String) browser.script(
				"return document.querySelector('#funnel-table tr[data-step=SCANNED] td:nth-child(2)')?.textContent");
	}

	private static String decodeQr(Path png) throws Exception {
		BufferedImage image = ImageIO.read(png.toFile());
		if (image == null) {
			throw new IOException(png + " is not an image");
		}
		int width = image.getWidth();
		int height = image.getHeight();
		int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}
