package com.smartengage.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;
import com.smartengage.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Analytics are exact: a known mix of journeys (abandoned, rejected, skipping steps, two
 * screens, two days, coupons issued and redeemed) driven through the real HTTP API at set
 * times, then every count, conversion and percentile of the funnel, the breakdown, the
 * time series and the CSV export checked against a plain model of those journeys, in UTC
 * and in Asia/Kolkata (half an hour off UTC, so ranges cut through rollup hours). Checked
 * while the rollup step runs, and again once it has rolled everything up.
 */
@IntegrationTest
class AnalyticsExactnessIntegrationTests extends ServerTests {

	private static final LocalDate DAY1 = LocalDate.of(2026, 3, 10);

	private static final LocalDate DAY2 = DAY1.plusDays(1);

	private static final ZoneId UTC = ZoneId.of("UTC");

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	private static final List<String> STAGES = List.of("SCANNED", "FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED",
			"COUPON_ISSUED", "COUPON_REDEEMED");

	/**
	 * The journeys: a screen, a scan time, then steps with their seconds after the scan.
	 * COUPON is an engage-v3 call, REDEEM a redeem-coupon call.
	 */
	private static final List<Journey> JOURNEYS = List.of(
			journey("A", "2026-03-10T01:00:00.000Z", "FORM_SUBMITTED", 30, "FORM_REVIEWING", 90, "FORM_APPROVED", 150,
					"COUPON", 160, "REDEEM", 400),
			journey("A", "2026-03-10T01:10:00.500Z", "FORM_SUBMITTED", 20, "FORM_REJECTED", 50),
			journey("B", "2026-03-10T18:29:59Z", "FORM_APPROVED", 40, "COUPON", 45),
			journey("B", "2026-03-10T18:30:00Z"), journey("A", "2026-03-10T23:45:00Z", "FORM_SUBMITTED", 60),
			journey("B", "2026-03-11T00:15:00Z", "FORM_SUBMITTED", 10, "FORM_REVIEWING", 70, "FORM_REJECTED", 130),
			journey("A", "2026-03-11T12:00:00Z", "FORM_SUBMITTED", 100, "FORM_REVIEWING", 250, "FORM_APPROVED", 1000,
					"COUPON", 1100),
			journey("A", "2026-03-11T18:30:00Z", "FORM_SUBMITTED", 5, "FORM_REVIEWING", 15, "FORM_APPROVED", 25),
			journey("B", "2026-03-11T09:20:00Z", "FORM_SUBMITTED", 3, "FORM_APPROVED", 9, "COUPON", 12, "REDEEM", 99),
			journey("A", "2026-03-10T10:00:00Z"));

	@Autowired
	private TestClock clock;

	@Autowired
	private FunnelRollup rollup;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AnalyticsService analytics;

	@Autowired
	private FlowService flows;

	private long campaign;

	private long quietCampaign;

	private final Map<String, Long> screens = new HashMap<>();

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyCountConversionAndPercentileMatchesTheJourneys() {
		drive();
		assertEverything();
		while (this.rollup.rollUpBatch() > 0) {
			// Until the rollup step holds every event.
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journey_event WHERE campaign_id = ? AND rolled_up = FALSE")
			.param(this.campaign)
			.query(Long.class)
			.single()).isZero();
		assertEverything();
	}

	private void assertEverything() {
		assertFunnel(DAY1, DAY1, UTC, null);
		assertFunnel(DAY2, DAY2, UTC, null);
		assertFunnel(DAY1, DAY2, UTC, null);
		assertFunnel(DAY1, DAY1, KOLKATA, null);
		assertFunnel(DAY2, DAY2, KOLKATA, null);
		assertFunnel(null, null, UTC, null);
		assertFunnel(DAY1, DAY2, UTC, "A");
		assertFunnel(DAY2, DAY2, KOLKATA, "B");
		assertFunnel(DAY1, DAY2.plusDays(1), KOLKATA, "A");
		assertBreakdown(DAY1, DAY2, UTC);
		assertBreakdown(DAY2, DAY2, KOLKATA);
		assertSeries(DAY1, DAY2, UTC, "day", null);
		assertSeries(DAY1, DAY2.plusDays(1), KOLKATA, "day", null);
		assertSeries(DAY1, DAY1, UTC, "hour", null);
		assertSeries(DAY2, DAY2, KOLKATA, "hour", "B");
		assertSessionsCsv();
		assertLiteralFigures();
	}

	/** A few figures worked out by hand, so the model itself is checked too. */
	private void assertLiteralFigures() {
		JsonNode funnel = get("/funnel?from=2026-03-10&to=2026-03-10");
		assertThat(counts(funnel.get("steps"))).containsExactly(6L, 4L, 2L, 2L, 2L, 1L);
		// Scan to FORM_SUBMITTED: J1 30 s, J2 20 s, J3 40 s (skipped to approval), J5 60
		// s.
		assertThat(funnel.get("steps").get(1).get("median_seconds_from_scan").asDouble()).isEqualTo(35.0);
		assertThat(funnel.get("failures").get(0).get("after_step").asString()).isEqualTo("FORM_SUBMITTED");
		JsonNode kolkata = get("/funnel?from=2026-03-11&to=2026-03-11&tz=Asia/Kolkata");
		assertThat(kolkata.get("steps").get(0).get("sessions").asLong()).isEqualTo(5);
		// Without dates: the 30 days up to today (the server's clock says 2026-03-13).
		JsonNode recent = get("/timeseries");
		assertThat(recent.get("points").size()).isEqualTo(30);
		assertThat(recent.get("to").asString()).isEqualTo("2026-03-13");
		long scans = recent.get("points").valueStream().mapToLong((p) -> p.get("sessions").get(0).asLong()).sum();
		assertThat(scans).isEqualTo(JOURNEYS.size());
		// With only a first day: from that day up to today.
		assertThat(get("/timeseries?from=2026-03-10").get("points").size()).isEqualTo(4);
	}

	private void drive() {
		this.clock.set(Instant.parse("2026-03-09T12:00:00Z"));
		long partner = this.fixtures.partner("Exact partner");
		String apiKey = this.fixtures.apiKey(partner).key();
		this.campaign = this.fixtures.campaign(partner, 20);
		this.quietCampaign = this.fixtures.campaign(partner, 1);
		Map<String, String> slugs = new HashMap<>();
		for (String name : List.of("A", "B")) {
			long screen = this.fixtures.screen("Screen " + name + " of " + this.campaign);
			this.screens.put(name, screen);
			slugs.put(name, this.fixtures.placement(this.campaign, screen));
		}
		record Action(Instant at, int journey, String step) {
		}
		List<Action> actions = new ArrayList<>();
		for (int j = 0; j < JOURNEYS.size(); j++) {
			Journey journey = JOURNEYS.get(j);
			actions.add(new Action(journey.scan(), j, "SCAN"));
			for (Step step : journey.steps()) {
				actions.add(new Action(journey.scan().plusSeconds(step.seconds()), j, step.name()));
			}
		}
		actions.sort(Comparator.comparing(Action::at));
		String[] sessions = new String[JOURNEYS.size()];
		String[] codes = new String[JOURNEYS.size()];
		for (Action action : actions) {
			this.clock.set(action.at());
			Journey journey = JOURNEYS.get(action.journey());
			switch (action.step()) {
				case "SCAN" -> sessions[action.journey()] = this.fixtures.scan(slugs.get(journey.screen()));
				case "COUPON" -> {
					Http.Answer answer = this.fixtures.engage(apiKey, sessions[action.journey()]);
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
					codes[action.journey()] = answer.json().get("coupon_code").asString();
				}
				case "REDEEM" -> {
					Http.Answer answer = this.http.post("/smart-engage/post/redeem-coupon")
						.apiKey(apiKey)
						.json("{\"coupon_code\": \"" + codes[action.journey()] + "\"}")
						.send();
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				}
				default -> {
					Http.Answer answer = this.fixtures.updateStatus(apiKey, sessions[action.journey()], action.step());
					assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				}
			}
		}
		this.clock.set(Instant.parse("2026-03-13T00:00:00Z"));
	}

	private void assertFunnel(LocalDate from, LocalDate to, ZoneId zone, String screen) {
		String query = "/funnel?tz=" + zone.getId() + dates(from, to)
				+ (screen == null ? "" : "&screen_id=" + this.screens.get(screen));
		JsonNode funnel = get(query);
		Model model = new Model(selected(from, to, zone, screen));
		JsonNode steps = funnel.get("steps");
		assertThat(names(steps)).as(query).isEqualTo(STAGES);
		for (int stage = 0; stage < STAGES.size(); stage++) {
			JsonNode step = steps.get(stage);
			String where = query + " " + STAGES.get(stage);
			assertThat(step.get("sessions").asLong()).as(where).isEqualTo(model.reached(stage));
			assertThat(step.get("conversion_from_previous").asDouble()).as(where)
				.isCloseTo(model.conversionFromPrevious(stage), within(1e-9));
			assertThat(step.get("conversion_from_scan").asDouble()).as(where)
				.isCloseTo(model.conversionFromScan(stage), within(1e-9));
			assertPercentile(number(step.get("median_seconds_from_scan")), model.percentile(stage, 0.5), where);
			assertPercentile(number(step.get("p90_seconds_from_scan")), model.percentile(stage, 0.9), where);
		}
		Map<String, Long> failures = new TreeMap<>();
		funnel.get("failures")
			.valueStream()
			.filter((failure) -> failure.get("sessions").asLong() > 0)
			.forEach((failure) -> failures.put(
					failure.get("step").asString() + " after " + failure.get("after_step").asString(),
					failure.get("sessions").asLong()));
		assertThat(failures).as(query + " failures").isEqualTo(model.failures());
		if (screen == null) {
			assertStepCounts(from, to, zone, model);
		}
	}

	/**
	 * The sessions per step of many campaigns at once are those of each one's funnel:
	 * this campaign's, and none of a campaign without scans.
	 */
	private void assertStepCounts(LocalDate from, LocalDate to, ZoneId zone, Model model) {
		Map<Long, Flow> flows = new LinkedHashMap<>();
		flows.put(this.campaign, this.flows.getByName(Flow.FILL_FORM));
		flows.put(this.quietCampaign, this.flows.getByName(Flow.FILL_FORM));
		Map<Long, StepCounts> counts = this.analytics.stepCounts(flows, (from == null) ? null : from.toString(),
				(to == null) ? null : to.toString(), zone.getId());
		List<Long> expected = new ArrayList<>();
		for (int stage = 0; stage < STAGES.size(); stage++) {
			expected.add(model.reached(stage));
		}
		String where = "step counts " + from + " to " + to + " in " + zone;
		assertThat(counts.keySet()).as(where).containsExactly(this.campaign, this.quietCampaign);
		assertThat(counts.get(this.campaign).steps()).as(where).isEqualTo(STAGES);
		assertThat(counts.get(this.campaign).sessions()).as(where).isEqualTo(expected);
		assertThat(counts.get(this.campaign).sessions("FORM_APPROVED")).as(where).isEqualTo(model.reached(3));
		assertThat(counts.get(this.quietCampaign).sessions()).as(where).containsOnly(0L);
	}

	/** Percentiles come rounded to the millisecond. */
	private static void assertPercentile(Double actual, Double expected, String where) {
		if (expected == null) {
			assertThat(actual).as(where).isNull();
		}
		else {
			assertThat(actual).as(where).isCloseTo(expected, within(0.0005));
		}
	}

	private void assertBreakdown(LocalDate from, LocalDate to, ZoneId zone) {
		String query = "/breakdown?sort=FORM_SUBMITTED&order=desc&tz=" + zone.getId() + dates(from, to);
		JsonNode breakdown = get(query);
		List<String> order = new ArrayList<>();
		for (JsonNode row : breakdown.get("rows")) {
			String screen = row.get("screen_name").asString().substring("Screen ".length(), "Screen ".length() + 1);
			order.add(screen);
			Model model = new Model(selected(from, to, zone, screen));
			assertThat(row.get("screen_id").asLong()).isEqualTo(this.screens.get(screen));
			List<Long> expected = new ArrayList<>();
			for (int stage = 0; stage < STAGES.size(); stage++) {
				expected.add(model.reached(stage));
				assertThat(row.get("steps").get(stage).get("conversion_from_scan").asDouble()).as(query)
					.isCloseTo(model.conversionFromScan(stage), within(1e-9));
			}
			assertThat(counts(row.get("steps"))).as(query + " screen " + screen).isEqualTo(expected);
			assertThat(row.get("failures").asLong()).as(query + " failures of " + screen)
				.isEqualTo(model.failures().values().stream().mapToLong(Long::longValue).sum());
		}
		assertThat(order).as(query).containsExactlyInAnyOrder("A", "B");
		List<Long> sorted = new ArrayList<>();
		breakdown.get("rows").forEach((row) -> sorted.add(row.get("steps").get(1).get("sessions").asLong()));
		assertThat(sorted).as(query + " sorted").isSortedAccordingTo(Comparator.reverseOrder());
	}

	private void assertSeries(LocalDate from, LocalDate to, ZoneId zone, String interval, String screen) {
		String query = "/timeseries?interval=" + interval + "&tz=" + zone.getId() + dates(from, to)
				+ (screen == null ? "" : "&screen_id=" + this.screens.get(screen));
		JsonNode series = get(query);
		assertThat(names(series.get("steps"))).isEqualTo(STAGES);
		List<Instant> starts = new ArrayList<>();
		if (interval.equals("day")) {
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				starts.add(day.atStartOfDay(zone).toInstant());
			}
		}
		else {
			for (Instant t = from.atStartOfDay(zone).toInstant(); t
				.isBefore(to.plusDays(1).atStartOfDay(zone).toInstant()); t = t.plus(Duration.ofHours(1))) {
				starts.add(t);
			}
		}
		starts.add(to.plusDays(1).atStartOfDay(zone).toInstant());
		JsonNode points = series.get("points");
		assertThat(points.size()).as(query).isEqualTo(starts.size() - 1);
		for (int i = 0; i < points.size(); i++) {
			Instant start = starts.get(i);
			Instant end = starts.get(i + 1);
			assertThat(Instant.parse(points.get(i).get("start").asString())).as(query).isEqualTo(start);
			Model model = new Model(JOURNEYS.stream()
				.filter((j) -> !j.scan().isBefore(start) && j.scan().isBefore(end))
				.filter((j) -> screen == null || j.screen().equals(screen))
				.toList());
			List<Long> expected = new ArrayList<>();
			for (int stage = 0; stage < STAGES.size(); stage++) {
				expected.add(model.reached(stage));
			}
			List<Long> actual = new ArrayList<>();
			points.get(i).get("sessions").forEach((n) -> actual.add(n.asLong()));
			assertThat(actual).as(query + " at " + start).isEqualTo(expected);
		}
	}

	private void assertSessionsCsv() {
		Http.Answer answer = this.http.get("/admin/api/campaigns/" + this.campaign + "/sessions.csv?tz=UTC")
			.admin()
			.send();
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("text/csv");
		String[] lines = answer.body().split("\r\n");
		assertThat(lines[0]).isEqualTo("session_id,screen_id,screen_name,scanned_at,form_submitted_at,"
				+ "form_reviewing_at,form_approved_at,failed_step,failed_at,coupon_code,coupon_issued_at,"
				+ "coupon_redeemed_at");
		assertThat(lines).hasSize(JOURNEYS.size() + 1);
		// Sorted by scan time: the first line is the first journey, which went all the
		// way.
		String[] first = lines[1].split(",", -1);
		assertThat(first[3]).isEqualTo("2026-03-10T01:00:00.000Z");
		assertThat(first[4]).isEqualTo("2026-03-10T01:00:30.000Z");
		assertThat(first[5]).isEqualTo("2026-03-10T01:01:30.000Z");
		assertThat(first[6]).isEqualTo("2026-03-10T01:02:30.000Z");
		assertThat(first[7]).isEmpty();
		assertThat(first[9]).isNotEmpty();
		assertThat(first[11]).isEqualTo("2026-03-10T01:06:40.000Z");
		String[] rejected = lines[2].split(",", -1);
		assertThat(rejected[7]).isEqualTo("FORM_REJECTED");
		assertThat(rejected[8]).isEqualTo("2026-03-10T01:10:50.500Z");
	}

	private List<Journey> selected(LocalDate from, LocalDate to, ZoneId zone, String screen) {
		Predicate<Journey> inRange = (j) -> (from == null || !j.scan().isBefore(from.atStartOfDay(zone).toInstant()))
				&& (to == null || j.scan().isBefore(to.plusDays(1).atStartOfDay(zone).toInstant()));
		return JOURNEYS.stream().filter(inRange).filter((j) -> screen == null || j.screen().equals(screen)).toList();
	}

	private JsonNode get(String query) {
		Http.Answer answer = this.http.get("/admin/api/campaigns/" + this.campaign + query).admin().send();
		assertThat(answer.status()).as(query + " " + answer).isEqualTo(200);
		return answer.json();
	}

	private static String dates(LocalDate from, LocalDate to) {
		return (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
	}

	private static List<String> names(JsonNode steps) {
		List<String> names = new ArrayList<>();
		steps.forEach((step) -> names.add(step.isString() ? step.asString() : step.get("step").asString()));
		return names;
	}

	private static List<Long> counts(JsonNode steps) {
		List<Long> counts = new ArrayList<>();
		steps.forEach((step) -> counts.add(step.get("sessions").asLong()));
		return counts;
	}

	private static Double number(JsonNode node) {
		return node == null || node.isNull() ? null : node.asDouble();
	}

	private static Journey journey(String screen, String scan, Object... steps) {
		List<Step> list = new ArrayList<>();
		for (int i = 0; i < steps.length; i += 2) {
			list.add(new Step((String) steps[i], (Integer) steps[i + 1]));
		}
		return new Journey(screen, Instant.parse(scan), list);
	}

	record Journey(String screen, Instant scan, List<Step> steps) {
	}

	record Step(String name, int seconds) {
	}

	/**
	 * What the analytics must say about a set of journeys, worked out the plain way: the
	 * furthest stage each reached, the first time it reached each stage or a later one.
	 */
	private static final class Model {

		private final List<long[]> times = new ArrayList<>();

		private final Map<String, Long> failures = new TreeMap<>();

		Model(List<Journey> journeys) {
			Map<String, Integer> stageOf = new LinkedHashMap<>();
			for (int i = 0; i < STAGES.size(); i++) {
				stageOf.put(STAGES.get(i), i);
			}
			stageOf.put("COUPON", 4);
			stageOf.put("REDEEM", 5);
			for (Journey journey : journeys) {
				long[] reachedAt = new long[STAGES.size()];
				Arrays.fill(reachedAt, -1);
				reachedAt[0] = 0;
				int furthest = 0;
				for (Step step : journey.steps()) {
					if (step.name().equals("FORM_REJECTED")) {
						this.failures.merge("FORM_REJECTED after " + STAGES.get(furthest), 1L, Long::sum);
						continue;
					}
					int stage = stageOf.get(step.name());
					for (int s = furthest + 1; s <= stage; s++) {
						reachedAt[s] = step.seconds();
					}
					furthest = Math.max(furthest, stage);
				}
				this.times.add(reachedAt);
			}
		}

		long reached(int stage) {
			return this.times.stream().filter((t) -> t[stage] >= 0).count();
		}

		double conversionFromPrevious(int stage) {
			long previous = stage == 0 ? reached(0) : reached(stage - 1);
			return previous == 0 ? 0 : (double) reached(stage) / previous;
		}

		double conversionFromScan(int stage) {
			return reached(0) == 0 ? 0 : (double) reached(stage) / reached(0);
		}

		Double percentile(int stage, double p) {
			long[] sorted = this.times.stream().mapToLong((t) -> t[stage]).filter((s) -> s >= 0).sorted().toArray();
			if (sorted.length == 0) {
				return null;
			}
			double rank = p * (sorted.length - 1);
			int low = (int) Math.floor(rank);
			int high = (int) Math.ceil(rank);
			return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
		}

		Map<String, Long> failures() {
			return this.failures;
		}

	}

}
