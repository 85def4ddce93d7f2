package com.smartengage.analytics;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import com.smartengage.analytics.RollupReadRepository.EventRow;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.PlacementService;
import com.smartengage.campaign.PlacementView;
import com.smartengage.screen.ScreenService;

/**
 * A campaign's funnel, its breakdown by screen and its time series, and the sessions per
 * step of many campaigns at once, read from the rollups: whole days and hours from the
 * rollup rows, the minutes at the ends of a range and the events the rollup step has not
 * added yet from the events themselves. A request is checked by {@link AnalyticsQueries},
 * and {@link ReadPlan} says which rows to read; each answer reads one snapshot
 * ({@link SnapshotReads}), so the numbers are exact at any moment.
 */
@Service
public class AnalyticsService {

	private final AnalyticsQueries queries;

	private final RollupReadRepository rollups;

	private final PlacementService placements;

	private final ScreenService screens;

	private final SnapshotReads reads;

	AnalyticsService(AnalyticsQueries queries, RollupReadRepository rollups, PlacementService placements,
			ScreenService screens, SnapshotReads reads) {
		this.queries = queries;
		this.rollups = rollups;
		this.placements = placements;
		this.screens = screens;
		this.reads = reads;
	}

	/**
	 * The funnel of the sessions scanned from {@code from} to {@code to} (inclusive dates
	 * in {@code tz}), of one screen or of all.
	 */
	public Funnel funnel(long campaignId, String from, String to, Long screenId, String tz) {
		return this.reads.read(() -> funnel(this.queries.funnel(campaignId, from, to, screenId, tz)));
	}

	private Funnel funnel(AnalyticsQuery query) {
		List<String> stages = query.stages();
		ScanRange range = query.range();
		long id = query.campaignId();
		ReadPlan plan = ReadPlan.funnel(range, query.screenId());
		Tally tally = new Tally(stages.size());
		this.rollups.countsByScreen(id, plan.rolledUp(), plan.cover(),
				(row) -> tally.reached(row.stage(), row.sessions()));
		this.rollups.times(id, plan.rolledUp(), plan.cover(), tally);
		this.rollups.failures(id, plan.rolledUp(), plan.cover(),
				(row) -> tally.failure(row.step(), row.afterStage(), row.sessions()));
		this.rollups.events(id, plan.events(), plan.raw(), (e) -> add(tally, e));
		this.rollups.pendingEvents(id, plan.events(), plan.pending(), (e) -> add(tally, e));
		List<Funnel.Step> steps = new ArrayList<>();
		List<Breakdown.Count> counts = tally.counts(stages);
		for (int stage = 0; stage < counts.size(); stage++) {
			Breakdown.Count count = counts.get(stage);
			steps.add(new Funnel.Step(count.step(), count.sessions(), count.conversionFromPrevious(),
					count.conversionFromScan(), tally.percentile(stage, 0.5), tally.percentile(stage, 0.9)));
		}
		List<Funnel.Failure> failures = new ArrayList<>();
		for (String step : query.flow().failureSteps()) {
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
		return new Funnel(id, range.from(), range.to(), range.tz(), query.screenId(), steps, failures);
	}

	/**
	 * The funnel of every screen of the campaign, one row each (screens with a placement
	 * but no scans included), sorted by {@code sort}: {@code screen}, {@code failures}, a
	 * step name (its sessions) or a step name followed by {@code .conversion} (its
	 * conversion from the scan).
	 */
	public Breakdown breakdown(long campaignId, String from, String to, String tz, String sort, String order) {
		return this.reads.read(() -> breakdown(this.queries.breakdown(campaignId, from, to, tz, sort, order)));
	}

	private Breakdown breakdown(AnalyticsQuery.ByScreen request) {
		AnalyticsQuery query = request.query();
		List<String> stages = query.stages();
		ScanRange range = query.range();
		long id = query.campaignId();
		ReadPlan plan = ReadPlan.breakdown(range);
		Map<Long, Tally> byScreen = new HashMap<>();
		Function<Long, Tally> tallyOf = (screen) -> byScreen.computeIfAbsent(screen, (s) -> new Tally(stages.size()));
		this.rollups.countsByScreen(id, plan.rolledUp(), plan.cover(),
				(row) -> tallyOf.apply(row.screenId()).reached(row.stage(), row.sessions()));
		this.rollups.failures(id, plan.rolledUp(), plan.cover(),
				(row) -> tallyOf.apply(row.screenId()).failure(row.step(), row.afterStage(), row.sessions()));
		this.rollups.events(id, plan.events(), plan.raw(), (e) -> add(tallyOf.apply(e.screenId()), e));
		this.rollups.pendingEvents(id, plan.events(), plan.pending(), (e) -> add(tallyOf.apply(e.screenId()), e));
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
		BreakdownOrder order = request.order();
		rows.sort(order.comparator());
		return new Breakdown(id, range.from(), range.to(), range.tz(), stages, order.column(), order.direction(), rows);
	}

	/**
	 * Sessions by the hour or day of their scan in {@code tz}, and how far they got. The
	 * range defaults to the 30 days (for {@code day}) or the day (for {@code hour}) up to
	 * today.
	 */
	public TimeSeries timeSeries(long campaignId, String from, String to, Long screenId, String tz, String interval) {
		return this.reads.read(() -> timeSeries(this.queries.timeSeries(campaignId, from, to, screenId, tz, interval)));
	}

	private TimeSeries timeSeries(AnalyticsQuery.ByPeriod request) {
		AnalyticsQuery query = request.query();
		Periods periods = request.periods();
		List<String> stages = query.stages();
		ScanRange range = query.range();
		long id = query.campaignId();
		ReadPlan plan = ReadPlan.timeSeries(range, periods, query.screenId());
		Tally[] tallies = new Tally[periods.size()];
		for (int i = 0; i < tallies.length; i++) {
			tallies[i] = new Tally(stages.size());
		}
		this.rollups.countsByPeriod(id, plan.rolledUp(), plan.cover(), (row) -> {
			if (!plan.isRawHour(row.periodStart())) {
				tallies[periods.indexOf(row.periodStart())].reached(row.stage(), row.sessions());
			}
		});
		this.rollups.events(id, plan.events(), plan.raw(), (e) -> add(tallies[periods.indexOf(e.scannedAt())], e));
		this.rollups.pendingEvents(id, plan.events(), plan.pending(), (e) -> {
			if (!plan.isRawHour(e.scannedAt())) {
				add(tallies[periods.indexOf(e.scannedAt())], e);
			}
		});
		List<TimeSeries.Point> points = new ArrayList<>();
		for (int i = 0; i < tallies.length; i++) {
			points.add(new TimeSeries.Point(OffsetDateTime.ofInstant(periods.starts().get(i), range.zone()),
					tallies[i].sessions()));
		}
		return new TimeSeries(id, range.from(), range.to(), range.tz(), query.screenId(), periods.interval(), stages,
				points);
	}

	/**
	 * The sessions scanned from {@code from} to {@code to} (inclusive dates in
	 * {@code tz}), at any screen, that reached each step or went past it, for many
	 * campaigns at once, each given with its flow: the sessions of each campaign's
	 * {@link #funnel(long, String, String, Long, String)}, read in one statement. Every
	 * campaign given is in the answer, in the order given.
	 */
	public Map<Long, StepCounts> stepCounts(Map<Long, Flow> flows, String from, String to, String tz) {
		return this.reads.read(() -> stepCounts(flows, ScanRange.parse(from, to, tz)));
	}

	private Map<Long, StepCounts> stepCounts(Map<Long, Flow> flows, ScanRange range) {
		Map<Long, List<String>> stages = new LinkedHashMap<>();
		Map<Long, Tally> tallies = new HashMap<>();
		flows.forEach((id, flow) -> {
			stages.put(id, AnalyticsQuery.stages(flow));
			tallies.put(id, new Tally(stages.get(id).size()));
		});
		this.rollups.passedByCampaign(List.copyOf(stages.keySet()), ReadPlan.funnel(range, null),
				(row) -> tallies.get(row.campaignId()).passed(row.stageFrom(), row.stageTo(), row.sessions()));
		Map<Long, StepCounts> counts = new LinkedHashMap<>();
		stages.forEach((id, steps) -> counts.put(id, new StepCounts(id, steps, tallies.get(id).sessions())));
		return counts;
	}

	private static void add(Tally tally, EventRow event) {
		tally.event(event.step(), event.stageFrom(), event.stageTo(), event.seconds());
	}

	private static String stageName(List<String> stages, int stage) {
		return stage >= 0 && stage < stages.size() ? stages.get(stage) : null;
	}

}
