package com.smartengage.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;
import com.smartengage.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaigns list shows, for every campaign at once, the sessions scanned today that
 * were scanned, reached the campaign's own reward step (or went past it) and got a
 * coupon: the numbers of each campaign's funnel, whether the rollup step has added the
 * events yet or not.
 */
@IntegrationTest
class DashboardCampaignListIntegrationTests extends ServerTests {

	/** Three journeys of a minute each before midnight. */
	private static final Instant YESTERDAY = Instant.parse("2026-06-14T23:55:00Z");

	private static final Instant MIDNIGHT = Instant.parse("2026-06-15T00:00:00Z");

	private static final Pattern ROW = Pattern.compile("<tr data-campaign-id=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern SCANS = Pattern.compile("data-col=\"scans\">([\\d,]+)<");

	private static final Pattern APPROVED = Pattern.compile("data-col=\"approved\">\\s*<span>([\\d,]+)</span>");

	private static final Pattern COUPONS = Pattern
		.compile("data-col=\"issued\">\\s*<span>([\\d,]+)</span>\\s*<span class=\"sub\">\\+([\\d,]+) today</span>");

	@Autowired
	private TestClock clock;

	@Autowired
	private JdbcClient jdbc;

	private String apiKey;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void showsTodaysScansApprovalsAndCouponsOfEveryCampaignAsItsFunnelCountsThem() {
		this.clock.set(YESTERDAY.minus(Duration.ofHours(1)));
		long partner = this.fixtures.partner("List partner " + UUID.randomUUID());
		this.apiKey = this.fixtures.apiKey(partner).key();
		String signUp = "SIGN_UP_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Http.Answer flow = this.http.post("/admin/api/flows")
			.admin()
			.json("{\"name\": \"" + signUp + "\", \"steps\": [\"REGISTERED\", \"VERIFIED\", \"PROFILE_DONE\"],"
					+ " \"failure_steps\": [\"REFUSED\"], \"reward_step\": \"VERIFIED\"}")
			.send();
		assertThat(flow.status()).as(flow.toString()).isEqualTo(201);
		long form = this.fixtures.campaign(partner, 10);
		long quiz = this.fixtures
			.campaign("{\"partner_id\": " + partner + ", \"name\": \"Sign-up " + signUp + "\", \"form_url\": \""
					+ Fixtures.FORM_URL + "\", \"flow\": \"" + signUp + "\", \"coupon_quota\": 10}")
			.get("id")
			.asLong();
		long quiet = this.fixtures.campaign(partner, 10);
		long lastWeek = this.fixtures.campaign(partner, 10);
		String formLobby = this.fixtures.placement(form, this.fixtures.screen("List lobby " + UUID.randomUUID()));
		String formEntrance = this.fixtures.placement(form, this.fixtures.screen("List entrance " + UUID.randomUUID()));
		String quizLobby = this.fixtures.placement(quiz, this.fixtures.screen("Quiz lobby " + UUID.randomUUID()));
		String lastWeekLobby = this.fixtures.placement(lastWeek,
				this.fixtures.screen("Old lobby " + UUID.randomUUID()));

		// Yesterday: scans that count for nothing today, one with a coupon.
		this.clock.set(YESTERDAY);
		journey(formLobby, "FORM_APPROVED", "COUPON");
		journey(lastWeekLobby, "FORM_APPROVED");
		journey(quizLobby, "VERIFIED");
		// Today, from its first instant: the form campaign on two screens.
		this.clock.set(MIDNIGHT);
		journey(formLobby, "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED", "COUPON");
		this.clock.set(MIDNIGHT.plus(Duration.ofHours(9).plusMinutes(30)));
		journey(formEntrance, "FORM_APPROVED");
		journey(formEntrance, "FORM_SUBMITTED", "FORM_REJECTED");
		journey(formEntrance);
		// The sign-up flow rewards its second step: passing it by skipping counts too.
		this.clock.set(MIDNIGHT.plus(Duration.ofHours(14)));
		journey(quizLobby, "REGISTERED");
		journey(quizLobby, "REGISTERED", "VERIFIED", "COUPON");
		journey(quizLobby, "PROFILE_DONE");
		journey(quizLobby, "REFUSED");
		this.clock.set(MIDNIGHT.plus(Duration.ofHours(20)));
		Operator operator = Operator.loggedIn(this.http);

		Map<Long, List<Long>> expected = Map.of(form, List.of(4L, 2L, 1L, 2L), quiz, List.of(4L, 2L, 1L, 1L), quiet,
				List.of(0L, 0L, 0L, 0L), lastWeek, List.of(0L, 0L, 0L, 0L));
		assertList(operator, expected);
		assertSameAsFunnels(operator, Map.of(form, "FORM_APPROVED", quiz, "VERIFIED", quiet, "FORM_APPROVED"));
		waitUntilRolledUp(List.of(form, quiz, lastWeek));
		assertList(operator, expected);
	}

	/**
	 * Scans the placement, reports the steps, issues the coupon for COUPON; the journey
	 * takes a minute.
	 */
	private void journey(String slug, String... steps) {
		Instant start = this.clock.instant();
		String session = this.fixtures.scan(slug);
		for (String step : steps) {
			this.clock.set(this.clock.instant().plusSeconds(10));
			Http.Answer answer = step.equals("COUPON") ? this.fixtures.engage(this.apiKey, session)
					: this.fixtures.updateStatus(this.apiKey, session, step);
			assertThat(answer.status()).as(step + " " + answer).isEqualTo(200);
		}
		this.clock.set(start.plus(Duration.ofMinutes(1)));
	}

	/** Per campaign: scans, approvals and coupons today, and coupons issued in all. */
	private void assertList(Operator operator, Map<Long, List<Long>> expected) {
		Map<Long, List<Long>> shown = rows(operator);
		expected.forEach(
				(campaign, numbers) -> assertThat(shown.get(campaign)).as("campaign " + campaign).isEqualTo(numbers));
	}

	/** The list's numbers are the funnel's, for today in the dashboard's zone (UTC). */
	private void assertSameAsFunnels(Operator operator, Map<Long, String> rewardSteps) {
		Map<Long, List<Long>> shown = rows(operator);
		rewardSteps.forEach((campaign, reward) -> {
			JsonNode funnel = this.http
				.get("/admin/api/campaigns/" + campaign + "/funnel?from=2026-06-15&to=2026-06-15")
				.admin()
				.send()
				.json();
			Map<String, Long> sessions = new HashMap<>();
			funnel.get("steps")
				.forEach((step) -> sessions.put(step.get("step").asString(), step.get("sessions").asLong()));
			assertThat(shown.get(campaign).subList(0, 3)).as("campaign " + campaign)
				.containsExactly(sessions.get("SCANNED"), sessions.get(reward), sessions.get("COUPON_ISSUED"));
		});
	}

	private static Map<Long, List<Long>> rows(Operator operator) {
		Http.Answer page = operator.get("/dashboard");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		Map<Long, List<Long>> rows = new HashMap<>();
		Matcher row = ROW.matcher(page.body());
		while (row.find()) {
			String cells = row.group(2);
			Matcher coupons = find(COUPONS, cells);
			rows.put(Long.parseLong(row.group(1)), List.of(number(find(SCANS, cells).group(1)),
					number(find(APPROVED, cells).group(1)), number(coupons.group(2)), number(coupons.group(1))));
		}
		return rows;
	}

	private static Matcher find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
		return matcher;
	}

	private static long number(String text) {
		return Long.parseLong(text.replace(",", ""));
	}

	private void waitUntilRolledUp(List<Long> campaigns) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.jdbc.sql("SELECT COUNT(*) FROM journey_event WHERE rolled_up = FALSE AND campaign_id IN (:ids)")
			.param("ids", campaigns)
			.query(Long.class)
			.single() > 0) {
			assertThat(System.nanoTime()).as("the rollup step adds the events within 30 s").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
