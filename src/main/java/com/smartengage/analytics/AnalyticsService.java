package com.smartengage.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import com.smartengage.analytics.RollupReadRepository.Cover;
import com.smartengage.analytics.RollupReadRepository.EventRow;
import com.smartengage.analytics.RollupReadRepository.Range;
import com.smartengage.analytics.RollupReadRepository.Screens;
import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.campaign.PlacementService;
import com.smartengage.campaign.PlacementView;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.screen.ScreenService;

/**
 * A campaign's funnel, its breakdown by screen and its time series, read from the
 * rollups: whole days and hours from the rollup rows, the minutes at the ends of a range
 * and the events the rollup step has not added yet from the events themselves. Each
 * answer reads one snapshot ({@link SnapshotReads}), so the numbers are exact at any
 * moment.
 */
@Service
public class AnalyticsService {

	private static final Duration HOUR = Duration.ofHours(1);

	/** At most this many points in a time series. */
	static final int MAX_POINTS = 24 * 31;

	private final RollupReadRepository rollups;

	private final CampaignService campaigns;

	private final FlowService flows;

	private final PlacementService placements;

	private final ScreenService screens;

	private final Clock clock;

	private final SnapshotReads reads;

	AnalyticsService(RollupReadRepository rollups, CampaignService campaigns, FlowService flows,
			PlacementService placements, ScreenService screens, Clock clock, SnapshotReads reads) {
		this.clock = clock;
		this.reads = reads;
		this.rollups = rollups;
		this.campaigns = campaigns;
		this.flows = flows;
		this.placements = placements;
		this.screens = screens;
	}

	/**
	 * The funnel of the sessions scanned from {@code from} to {@code to} (inclusive dates
	 * in {@code tz}), of one screen or of all.
	 */
	public Funnel funnel(long campaignId, String from, String to, Long screenId, String tz) {
		return this.reads.read(() -> readFunnel(campaignId, from, to, screenId, tz));
	}

	private Funnel readFunnel(long campaignId, String from, String to, Long screenId, String tz) {
		Campaign campaign = this.campaigns.get(campaignId);
		checkScreen(screenId);
		List<String> stages = stages(campaign);
		ScanRange range = ScanRange.parse(from, to, tz);
		Tally tally = new Tally(stages.size());
		Slices slices = Slices.of(range.start(), range.end());
		long id = campaign.id();
		// Every screen together: rollups by day and by hour, events for the minutes at
		// the
		// ends. One screen: its time buckets are rolled up by day only, so its hours come
		// from its events too.
		Cover cover = screenId == null ? Cover.of(slices) : Cover.days(slices);
		Screens rolledUp = screenId == null ? Screens.TOGETHER : Screens.one(screenId);
		Screens events = screenId == null ? Screens.EACH : Screens.one(screenId);
		this.rollups.countsByScreen(id, rolledUp, cover, (row) -> tally.reached(row.stage(), row.sessions()));
		this.rollups.times(id, screenId == null ? 0 : screenId, cover, tally);
		this.rollups.failures(id, rolledUp, cover,
				(row) -> tally.failure(row.step(), row.afterStage(), row.sessions()));
		this.rollups.events(id, events, uncovered(slices, cover), (e) -> add(tally, e));
		this.rollups.pendingEvents(id, events, cover.ranges(), (e) -> add(tally, e));
		List<Funnel.Step> steps = new ArrayList<>();
		List<Breakdown.Count> counts = tally.counts(stages);
		for (int stage = 0; stage < counts.size(); stage++) {
			Breakdown.Count count = counts.get(stage);
			steps.add(new Funnel.Step(count.step(), count.sessions(), count.conversionFromPrevious(),
					count.conversionFromScan(), tally.percentile(stage, 0.5), tally.percentile(stage, 0.9)));
		}
		List<Funnel.Failure> failures = new ArrayList<>();
		Flow flow = this.flows.get(campaign.flowId());
		for (String step : flow.failureSteps()) {
			if (tally.failures().keySet().stream().noneMatch((key) -> key.step().equals(step))) {
				failures.add(new Funnel.Failure(step, 0, null));
			}
			tally.failures()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().step().equals(step))
				.sorted(Comparator
					.comparingInt((Map.Entry<Tally.FailureKey, Long> entry) -> entry.getKey().afterStage()))
				.forEach((entry) -> failures
					.add(new Funnel.Failure(step, entry.getValue(), stageName(stages, entry.getKey().afterStage()))));
		}
		return new Funnel(id, range.from(), range.to(), range.tz(), screenId, steps, failures);
	}

	/**
	 * The funnel of every screen of the campaign, one row each (screens with a placement
	 * but no scans included), sorted by {@code sort}: {@code screen}, {@code failures}, a
	 * step name (its sessions) or a step name followed by {@code .conversion} (its
	 * conversion from the scan).
	 */
	public Breakdown breakdown(long campaignId, String from, String to, String tz, String sort, String order) {
		return this.reads.read(() -> readBreakdown(campaignId, from, to, tz, sort, order));
	}

	private Breakdown readBreakdown(long campaignId, String from, String to, String tz, String sort, String order) {
		Campaign campaign = this.campaigns.get(campaignId);
		List<String> stages = stages(campaign);
		ScanRange range = ScanRange.parse(from, to, tz);
		Comparator<Breakdown.Row> comparator = comparator(stages, sort, order);
		Slices slices = Slices.of(range.start(), range.end());
		long id = campaign.id();
		Map<Long, Tally> byScreen = new HashMap<>();
		Function<Long, Tally> tallyOf = (screen) -> byScreen.computeIfAbsent(screen, (s) -> new Tally(stages.size()));
		Cover cover = Cover.of(slices);
		this.rollups.countsByScreen(id, Screens.EACH, cover,
				(row) -> tallyOf.apply(row.screenId()).reached(row.stage(), row.sessions()));
		this.rollups.failures(id, Screens.EACH, cover,
				(row) -> tallyOf.apply(row.screenId()).failure(row.step(), row.afterStage(), row.sessions()));
		this.rollups.events(id, Screens.EACH, uncovered(slices, cover), (e) -> add(tallyOf.apply(e.screenId()), e));
		this.rollups.pendingEvents(id, Screens.EACH, cover.ranges(), (e) -> add(tallyOf.apply(e.screenId()), e));
		Set<Long> screenIds = new TreeSet<>(byScreen.keySet());
		this.placements.list(id).stream().map(PlacementView::screenId).forEach(screenIds::add);
		Map<Long, String> names = new HashMap<>();
		this.screens.list().forEach((screen) -> names.put(screen.id(), screen.name()));
		List<Breakdown.Row> rows = new ArrayList<>();
		for (long screen : screenIds) {
			Tally tally = tallyOf.apply(screen);
			rows.add(new Breakdown.Row(screen, names.getOrDefault(screen, "Screen " + screen), tally.counts(stages),
					tally.failed()));
		}
		rows.sort(comparator);
		String column = sort == null || sort.isBlank() ? Flow.SCANNED : sort.strip();
		return new Breakdown(id, range.from(), range.to(), range.tz(), stages, column, direction(column, order), rows);
	}

	/**
	 * Sessions by the hour or day of their scan in {@code tz}, and how far they got. The
	 * range defaults to the 30 days (for {@code day}) or the day (for {@code hour}) up to
	 * today.
	 */
	public TimeSeries timeSeries(long campaignId, String from, String to, Long screenId, String tz, String interval) {
		return this.reads.read(() -> readTimeSeries(campaignId, from, to, screenId, tz, interval));
	}

	private TimeSeries readTimeSeries(long campaignId, String from, String to, Long screenId, String tz,
			String interval) {
		Campaign campaign = this.campaigns.get(campaignId);
		checkScreen(screenId);
		List<String> stages = stages(campaign);
		boolean hourly = interval(interval);
		ScanRange open = ScanRange.parse(from, to, tz);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), open.zone());
		LocalDate lastDay = open.to() != null ? open.to()
				: (open.from() != null && open.from().isAfter(today) ? open.from() : today);
		ScanRange range = open.closed(hourly ? lastDay : lastDay.minusDays(29), lastDay);
		List<Instant> starts = periodStarts(range, hourly);
		if (starts.size() > MAX_POINTS) {
			throw new BadRequestException("A time series holds at most " + MAX_POINTS + " points; this range has "
					+ starts.size() + (hourly ? " hours: use interval=day or a shorter range" : " days"));
		}
		Instant start = range.start();
		Instant end = range.end();
		Tally[] tallies = new Tally[starts.size()];
		for (int i = 0; i < tallies.length; i++) {
			tallies[i] = new Tally(stages.size());
		}
		Instant firstHour = Slices.ceil(start, HOUR);
		Instant lastHour = Slices.floor(end, HOUR);
		long id = campaign.id();
		Screens rolledUp = screenId == null ? Screens.TOGETHER : Screens.one(screenId);
		Screens events = screenId == null ? Screens.EACH : Screens.one(screenId);
		// Hours that straddle two periods (in a zone a half hour off UTC) come from the
		// events, in runs.
		List<Range> raw = new ArrayList<>();
		raw.add(new Range(start, firstHour));
		Set<Instant> straddles = new TreeSet<>();
		for (Instant hour = firstHour; hour.isBefore(lastHour); hour = hour.plus(HOUR)) {
			if (period(starts, hour) != period(starts, hour.plus(HOUR).minusNanos(1))) {
				straddles.add(hour);
				Range last = raw.get(raw.size() - 1);
				if (last.to().equals(hour)) {
					raw.set(raw.size() - 1, new Range(last.from(), hour.plus(HOUR)));
				}
				else {
					raw.add(new Range(hour, hour.plus(HOUR)));
				}
			}
		}
		raw.add(new Range(lastHour, end));
		Cover cover = Cover.hours(firstHour, lastHour);
		this.rollups.countsByPeriod(id, rolledUp, cover, (row) -> {
			if (!straddles.contains(row.periodStart())) {
				tallies[period(starts, row.periodStart())].reached(row.stage(), row.sessions());
			}
		});
		this.rollups.events(id, events, raw, (e) -> add(tallies[period(starts, e.scannedAt())], e));
		this.rollups.pendingEvents(id, events, cover.ranges(), (e) -> {
			if (!straddles.contains(Slices.floor(e.scannedAt(), HOUR))) {
				add(tallies[period(starts, e.scannedAt())], e);
			}
		});
		List<TimeSeries.Point> points = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			points.add(
					new TimeSeries.Point(OffsetDateTime.ofInstant(starts.get(i), range.zone()), tallies[i].sessions()));
		}
		return new TimeSeries(id, range.from(), range.to(), range.tz(), screenId, hourly ? "hour" : "day", stages,
				points);
	}

	/** SCANNED, the flow's forward steps, COUPON_ISSUED, COUPON_REDEEMED. */
	List<String> stages(Campaign campaign) {
		Flow flow = this.flows.get(campaign.flowId());
		List<String> stages = new ArrayList<>();
		stages.add(Flow.SCANNED);
		stages.addAll(flow.steps());
		stages.add(Flow.COUPON_ISSUED);
		stages.add(Flow.COUPON_REDEEMED);
		return stages;
	}

	/**
	 * A screen filter names a screen that exists (0 would read the rollup rows of every
	 * screen together against the events of none).
	 */
	private void checkScreen(Long screenId) {
		if (screenId != null && screenId < 1) {
			throw new BadRequestException("screen_id must be a screen's id, 1 or more, not " + screenId);
		}
		if (screenId != null) {
			this.screens.get(screenId);
		}
	}

	/** The parts of the slices that the cover's rollup rows do not hold. */
	private static List<Range> uncovered(Slices slices, Cover cover) {
		List<Range> covered = cover.ranges()
			.stream()
			.filter(Range::isNotEmpty)
			.sorted(Comparator.comparing(Range::from))
			.toList();
		List<Range> rest = new ArrayList<>();
		Instant at = slices.start();
		for (Range range : covered) {
			rest.add(new Range(at, range.from()));
			at = range.to();
		}
		rest.add(new Range(at, slices.end()));
		return rest;
	}

	private static void add(Tally tally, EventRow event) {
		tally.event(event.step(), event.stageFrom(), event.stageTo(), event.seconds());
	}

	private static String stageName(List<String> stages, int stage) {
		return stage >= 0 && stage < stages.size() ? stages.get(stage) : null;
	}

	private static boolean interval(String interval) {
		if (interval == null || interval.isBlank() || interval.strip().equals("day")) {
			return false;
		}
		if (interval.strip().equals("hour")) {
			return true;
		}
		throw new BadRequestException("interval must be hour or day, not " + Ids.echo(interval));
	}

	/** The start of every hour or day of the range, in its zone. */
	private static List<Instant> periodStarts(ScanRange range, boolean hourly) {
		List<Instant> starts = new ArrayList<>();
		if (hourly) {
			for (Instant t = range.start(); t.isBefore(range.end()) && starts.size() <= MAX_POINTS; t = t.plus(HOUR)) {
				starts.add(t);
			}
		}
		else {
			for (LocalDate day = range.from(); !day.isAfter(range.to())
					&& starts.size() <= MAX_POINTS; day = day.plusDays(1)) {
				starts.add(day.atStartOfDay(range.zone()).toInstant());
			}
		}
		return starts;
	}

	/** The index of the period holding {@code t}. */
	private static int period(List<Instant> starts, Instant t) {
		int low = 0;
		int high = starts.size() - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (starts.get(mid).isAfter(t)) {
				high = mid - 1;
			}
			else {
				low = mid;
			}
		}
		return low;
	}

	private static Comparator<Breakdown.Row> comparator(List<String> stages, String sort, String order) {
		String column = sort == null || sort.isBlank() ? Flow.SCANNED : sort.strip();
		boolean descending = direction(column, order).equals("desc");
		Comparator<Breakdown.Row> byName = Comparator
			.comparing(Breakdown.Row::screenName, String.CASE_INSENSITIVE_ORDER)
			.thenComparingLong(Breakdown.Row::screenId);
		Comparator<Breakdown.Row> primary;
		if (column.equals("screen")) {
			primary = byName;
		}
		else if (column.equals("failures")) {
			primary = Comparator.comparingLong(Breakdown.Row::failures);
		}
		else {
			boolean conversion = column.endsWith(".conversion");
			String step = conversion ? column.substring(0, column.length() - ".conversion".length()) : column;
			int stage = stages.indexOf(step);
			if (stage < 0) {
				throw new BadRequestException("sort must be screen, failures, a step (" + String.join(", ", stages)
						+ ") or a step followed by .conversion, not " + Ids.echo(sort));
			}
			primary = conversion
					? Comparator.comparingDouble((Breakdown.Row row) -> row.steps().get(stage).conversionFromScan())
					: Comparator.comparingLong((Breakdown.Row row) -> row.steps().get(stage).sessions());
		}
		return (descending ? primary.reversed() : primary).thenComparing(byName);
	}

	private static String direction(String column, String order) {
		if (order == null || order.isBlank()) {
			return column.equals("screen") ? "asc" : "desc";
		}
		String value = order.strip().toLowerCase(Locale.ROOT);
		if (!value.equals("asc") && !value.equals("desc")) {
			throw new BadRequestException("order must be asc or desc, not " + Ids.echo(order));
		}
		return value;
	}

}
