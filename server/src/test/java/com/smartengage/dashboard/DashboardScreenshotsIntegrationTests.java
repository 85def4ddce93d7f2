package com.smartengage.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the README's screenshots of the dashboard, on demand only, with the
 * {@code --demo} data and a few campaigns of its own: run this class alone (so that its
 * database holds only that) with the folder to write to:
 *
 * <pre>
 * ./mvnw verify -Dit.test=DashboardScreenshotsIntegrationTests -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsmartengage.screenshots="$PWD/docs/screenshots"
 * </pre>
 */
@IntegrationTest
class DashboardScreenshotsIntegrationTests extends ServerTests {

	private static final String FOLDER = System.getProperty("smartengage.screenshots");

	@Test
	void takeScreenshotsOfTheMainPages() throws Exception {
		Assumptions.assumeTrue(FOLDER != null && !FOLDER.isBlank(),
				"Screenshots are taken on demand: -Dsmartengage.screenshots=$PWD/docs/screenshots");
		Path folder = Path.of(FOLDER);
		seed();
		long campaign = demo();
		try (Browser browser = Browser.open(this.http.base())) {
			browser.go("/dashboard/login");
			browser.screenshot(folder.resolve("dashboard-login.png"));
			browser.logIn();
			browser.go("/dashboard");
			browser.screenshot(folder.resolve("dashboard-campaigns.png"));

			browser.go("/dashboard/campaigns/" + campaign);
			waitForNumbers(browser);
			browser.screenshot(folder.resolve("dashboard-campaign.png"));
			browser.size(1366, 2300);
			waitForNumbers(browser);
			Thread.sleep(800);
			browser.screenshot(folder.resolve("dashboard-campaign-full.png"));

			browser.size(820, 1180);
			browser.go("/dashboard/campaigns/" + campaign);
			waitForNumbers(browser);
			Thread.sleep(800);
			browser.screenshot(folder.resolve("dashboard-campaign-tablet.png"));

			browser.size(1366, 768);
			browser.go("/dashboard/partners");
			browser.find("#partner-" + partners.get(0) + " form[action$='/api-keys'] button").click();
			browser.waiting(Duration.ofSeconds(10)).until((d) -> !browser.findAll("#new-api-key").isEmpty());
			browser.screenshot(folder.resolve("dashboard-partners.png"));
		}
	}

	private List<Long> partners;

	@Autowired
	private List<ApplicationRunner> runners;

	/**
	 * The {@code --demo} data, whose second campaign has two weeks of journeys on four
	 * screens: answers that campaign.
	 */
	private long demo() throws Exception {
		for (ApplicationRunner runner : this.runners) {
			if (runner.getClass().getSimpleName().startsWith("DemoData")) {
				runner.run(new DefaultApplicationArguments("--demo"));
			}
		}
		return this.http.get("/admin/api/campaigns")
			.admin()
			.send()
			.json()
			.valueStream()
			.max(Comparator.comparingLong((c) -> c.get("coupons").get("issued").asLong()))
			.orElseThrow()
			.get("id")
			.asLong();
	}

	/** Two partners, five screens, three campaigns, and a day's worth of journeys. */
	private void seed() {
		Random random = new Random(2026);
		long acme = this.fixtures.partner("Acme Insurance");
		long bright = this.fixtures.partner("Bright Telecom");
		this.partners = List.of(acme, bright);
		String acmeKey = this.fixtures.apiKey(acme).key();
		String brightKey = this.fixtures.apiKey(bright).key();
		long[] screens = { screen("Siam Paragon, lobby", "Bangkok, ground floor"),
				screen("CentralWorld, gate 3", "Bangkok, level 1"),
				screen("Terminal 21, escalators", "Bangkok, level 2"),
				screen("MBK Center, food court", "Bangkok, level 6"), screen("Emporium, entrance", "Bangkok") };
		long coffee = campaign(acme, "Free coffee for a car insurance quote", 500);
		long phone = campaign(bright, "Win a phone: switch to Bright", 200);
		long draw = campaign(acme, "Year-end lucky draw", 100);
		this.http.post("/admin/api/campaigns/" + draw + "/pause").admin().send();
		int[] coffeeScans = { 64, 41, 27, 15 };
		for (int i = 0; i < coffeeScans.length; i++) {
			journeys(this.fixtures.placement(coffee, screens[i]), acmeKey, coffeeScans[i], random);
		}
		journeys(this.fixtures.placement(phone, screens[1]), brightKey, 23, random);
		journeys(this.fixtures.placement(phone, screens[4]), brightKey, 12, random);
		this.fixtures.placement(draw, screens[0]);
	}

	private void journeys(String slug, String apiKey, int scans, Random random) {
		for (int i = 0; i < scans; i++) {
			String session = this.fixtures.scan(slug);
			double luck = random.nextDouble();
			if (luck < 0.72) {
				this.fixtures.updateStatus(apiKey, session, "FORM_SUBMITTED");
			}
			if (luck < 0.58) {
				this.fixtures.updateStatus(apiKey, session, "FORM_REVIEWING");
			}
			if (luck < 0.46) {
				this.fixtures.updateStatus(apiKey, session, "FORM_APPROVED");
				Http.Answer coupon = this.fixtures.engage(apiKey, session);
				if (luck < 0.2 && coupon.status() == 200) {
					this.http.post("/smart-engage/post/redeem-coupon")
						.apiKey(apiKey)
						.json("{\"coupon_code\": \"" + coupon.json().get("coupon_code").asString() + "\"}")
						.send();
				}
			}
			else if (luck < 0.52) {
				this.fixtures.updateStatus(apiKey, session, "FORM_REJECTED");
			}
		}
	}

	private long screen(String name, String location) {
		return this.http.post("/admin/api/screens")
			.admin()
			.json(Http.JSON.createObjectNode().put("name", name).put("location", location).toString())
			.send()
			.json()
			.get("id")
			.asLong();
	}

	private long campaign(long partner, String name, int coupons) {
		return this.fixtures
			.campaign(Http.JSON.createObjectNode()
				.put("partner_id", partner)
				.put("name", name)
				.put("form_url", Fixtures.FORM_URL)
				.put("coupon_quota", coupons)
				.toString())
			.get("id")
			.asLong();
	}

	private static void waitForNumbers(Browser browser) throws InterruptedException {
		browser.waiting(Duration.ofSeconds(10))
			.until((d) -> !"–"
				.equals(browser.script("return document.querySelector('[data-kpi=scanned]').textContent")));
		// Let the charts finish their short animation.
		Thread.sleep(600);
		assertThat(browser.console(Level.SEVERE)).isEmpty();
	}

}
