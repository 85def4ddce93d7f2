package com.smartengage.analytics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.common.BadRequestException;
import com.smartengage.common.Ids;
import com.smartengage.coupon.CouponService;

/**
 * Computes a campaign's funnel from its sessions and journey events: the sessions that
 * reached each step or went past it (skipped steps count as passed), conversions, and the
 * median and 90th percentile of the time from the scan to the step.
 */
@Service
public class AnalyticsService {

	private final FunnelRepository repository;

	private final CampaignService campaigns;

	private final FlowService flows;

	AnalyticsService(FunnelRepository repository, CampaignService campaigns, FlowService flows) {
		this.repository = repository;
		this.campaigns = campaigns;
		this.flows = flows;
	}

	@Transactional(readOnly = true)
	public Funnel funnel(long campaignId, String fromText, String toText, Long screenId, String tzText) {
		Campaign campaign = this.campaigns.get(campaignId);
		Flow flow = this.flows.get(campaign.flowId());
		ZoneId zone = zone(tzText);
		LocalDate from = date("from", fromText);
		LocalDate to = date("to", toText);
		if (from != null && to != null && to.isBefore(from)) {
			throw new BadRequestException("to must not be before from");
		}
		Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
		Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z")
				: to.plusDays(1).atStartOfDay(zone).toInstant();

		// Stages: 0 SCANNED, 1..n the flow's steps, n+1 COUPON_ISSUED, n+2
		// COUPON_REDEEMED.
		List<String> stages = new ArrayList<>();
		stages.add(Flow.SCANNED);
		stages.addAll(flow.steps());
		stages.add(CouponService.COUPON_ISSUED);
		stages.add(CouponService.COUPON_REDEEMED);
		int issued = stages.size() - 2;
		Map<String, Integer> stageOf = new HashMap<>();
		for (int i = 0; i < stages.size(); i++) {
			stageOf.put(stages.get(i), i);
		}

		Map<UUID, Integer> reached = new HashMap<>();
		Map<String, Map<Integer, Long>> failures = new LinkedHashMap<>();
		flow.failureSteps().forEach((step) -> failures.put(step, new HashMap<>()));
		this.repository.sessions(campaign.id(), start, end, screenId, (row) -> {
			int stage = row.redeemed() ? issued + 1 : row.couponIssued() ? issued : row.stepIndex();
			reached.put(row.id(), stage);
			if (flow.isFailure(row.status())) {
				failures.get(row.status()).merge(row.stepIndex(), 1L, Long::sum);
			}
		});

		// Time to a stage: the first event at that stage or a later one (a skipped step
		// is passed
		// when a later one is reached).
		Map<UUID, long[]> firstSeconds = new HashMap<>();
		this.repository.events(campaign.id(), start, end, screenId, (row) -> {
			Integer stage = stageOf.get(row.step());
			if (stage == null || !reached.containsKey(row.sessionId())) {
				return;
			}
			long[] seconds = firstSeconds.computeIfAbsent(row.sessionId(), (id) -> {
				long[] fresh = new long[stages.size()];
				Arrays.fill(fresh, Long.MAX_VALUE);
				return fresh;
			});
			for (int i = 0; i <= stage; i++) {
				seconds[i] = Math.min(seconds[i], row.secondsFromScan());
			}
		});

		List<Funnel.Step> steps = new ArrayList<>();
		long scanned = reached.size();
		long previous = scanned;
		for (int i = 0; i < stages.size(); i++) {
			final int stage = i;
			long count = reached.values().stream().filter((r) -> r >= stage).count();
			long[] times = reached.entrySet()
				.stream()
				.filter((e) -> e.getValue() >= stage)
				.map((e) -> firstSeconds.get(e.getKey()))
				.filter((s) -> s != null && s[stage] != Long.MAX_VALUE)
				.mapToLong((s) -> s[stage])
				.sorted()
				.toArray();
			steps.add(new Funnel.Step(stages.get(i), count, ratio(count, i == 0 ? count : previous),
					ratio(count, scanned), percentile(times, 0.5), percentile(times, 0.9)));
			previous = count;
		}
		List<Funnel.Failure> failed = new ArrayList<>();
		failures.forEach((step, byIndex) -> {
			long total = byIndex.values().stream().mapToLong(Long::longValue).sum();
			String after = byIndex.isEmpty() ? null
					: stages.get(byIndex.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey());
			failed.add(new Funnel.Failure(step, total, after));
		});
		return new Funnel(campaign.id(), from, to, zone.getId(), screenId, steps, failed);
	}

	/** Linear interpolation between closest ranks, as SQL's percentile_cont. */
	static Double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return null;
		}
		double rank = p * (sorted.length - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
	}

	private static double ratio(long part, long whole) {
		return whole == 0 ? 0.0 : (double) part / whole;
	}

	private static ZoneId zone(String tz) {
		if (tz == null || tz.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(tz.strip());
		}
		catch (DateTimeException ex) {
			throw new BadRequestException("tz must be an IANA time zone such as Asia/Bangkok, not " + Ids.echo(tz));
		}
	}

	private static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(field + " must be a date such as 2026-11-30, not " + Ids.echo(text));
		}
		if (date.getYear() < 1970 || date.getYear() > 9998) {
			throw new BadRequestException(field + " must lie between the years 1970 and 9998, not " + Ids.echo(text));
		}
		return date;
	}

}
