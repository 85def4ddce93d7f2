package com.smartengage.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.campaign.CampaignView;
import com.smartengage.campaign.PlacementView;
import com.smartengage.common.infra.SqlTime;

/**
 * Two weeks of made-up journeys for the demo's second campaign, so that its funnel, its
 * screens and its charts have something to show on the first run: more scans at lunch and
 * in the evening, screens that convert better than others, rejections, coupons issued and
 * redeemed. Written in the shape the server writes (sessions, journey events with their
 * funnel stages, coupons of the pool); the rollup step picks them up.
 */
@Component
class DemoHistory {

	private static final String SESSION = """
			INSERT INTO journey_session (id, partner_id, campaign_id, placement_id, screen_id, status, step_index,
			    ended, rewarded_at, coupon_issued_at, created_at, updated_at, expires_at, funnel_stage,
			    funnel_stage_before)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, -1)
			""";

	private static final String EVENT = """
			INSERT INTO journey_event (session_id, campaign_id, screen_id, step, occurred_at, seconds_from_scan,
			    scanned_at, stage_from, stage_to)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String FREE_CODES = """
			SELECT id FROM coupon WHERE free_campaign_id = ? ORDER BY id LIMIT ?
			""";

	private static final String ASSIGN = """
			UPDATE coupon SET session_id = ?, free_campaign_id = NULL, token = ?, issued_at = ?, expires_at = ?,
			    redeemed_at = ?
			WHERE id = ?
			""";

	/**
	 * Relative scan traffic by hour of the day (UTC): quiet nights, lunch and evening
	 * peaks.
	 */
	private static final int[] HOURLY = { 1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 7, 10, 14, 12, 8, 7, 8, 11, 14, 13, 9, 6, 3,
			2 };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoHistory(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Writes {@code sessions} journeys scanned over the last 14 days at the campaign's
	 * placements, the first converting best.
	 */
	@Transactional
	void write(CampaignView campaign, List<PlacementView> placements, int sessions) {
		Random random = new Random(20261128L);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		int weightSum = 0;
		for (int weight : HOURLY) {
			weightSum += weight;
		}
		List<Object[]> sessionRows = new ArrayList<>();
		List<Object[]> eventRows = new ArrayList<>();
		List<Object[]> couponRows = new ArrayList<>();
		List<Long> free = this.jdbc.queryForList(FREE_CODES, Long.class, campaign.id(), sessions);
		for (int i = 0; i < sessions; i++) {
			int p = i % placements.size();
			PlacementView placement = placements.get(p);
			double appeal = 1.0 - 0.2 * p;
			Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(random.nextInt(14)));
			int pick = random.nextInt(weightSum);
			int hour = 0;
			while (pick >= HOURLY[hour]) {
				pick -= HOURLY[hour];
				hour++;
			}
			Instant scanned = day.plus(Duration.ofHours(hour)).plusSeconds(random.nextInt(3600));
			if (!scanned.isBefore(now)) {
				scanned = now.minusSeconds(1 + random.nextInt(3600));
			}
			UUID id = UUID.randomUUID();
			Journey journey = new Journey(id, campaign.id(), placement.screenId(), scanned, now, eventRows);
			journey.event("SCANNED", 0, -1, 0);
			long at = 0;
			if (random.nextDouble() < 0.62 * appeal) {
				at += 20 + random.nextInt(220);
				journey.event("FORM_SUBMITTED", at, 0, 1);
				if (random.nextDouble() < 0.85) {
					at += 60 + random.nextInt(840);
					journey.event("FORM_REVIEWING", at, 1, 2);
					double verdict = random.nextDouble();
					if (verdict < 0.18) {
						journey.event("FORM_REJECTED", at + 120 + random.nextInt(1800), 2, -1);
					}
					else if (verdict < 0.18 + 0.7 * appeal) {
						at += 120 + random.nextInt(3000);
						journey.event("FORM_APPROVED", at, 2, 3);
						if (random.nextDouble() < 0.9 && !free.isEmpty()) {
							at += 5 + random.nextInt(55);
							if (journey.event("COUPON_ISSUED", at, 3, 4)) {
								long redeemAt = at + 3600 + random.nextInt(3 * 86400);
								boolean redeemed = random.nextDouble() < 0.55
										&& journey.event("COUPON_REDEEMED", redeemAt, 4, 5);
								Instant issued = scanned.plusSeconds(at);
								couponRows.add(new Object[] { id, demoToken(random), ts(issued),
										ts(issued.plus(Duration.ofDays(campaign.couponValidDays()))),
										redeemed ? ts(scanned.plusSeconds(redeemAt)) : null, free.remove(0) });
							}
						}
					}
				}
			}
			sessionRows.add(journey.sessionRow(campaign.partnerId(), placement.id(), campaign.sessionTtlMinutes()));
		}
		this.jdbc.batchUpdate(SESSION, sessionRows);
		this.jdbc.batchUpdate(EVENT, eventRows);
		this.jdbc.batchUpdate(ASSIGN, couponRows);
	}

	private static String demoToken(Random random) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static OffsetDateTime ts(Instant instant) {
		return SqlTime.param(instant);
	}

	/** One journey's events as they are written, and its session row at the end. */
	private static final class Journey {

		private final UUID id;

		private final long campaignId;

		private final long screenId;

		private final Instant scanned;

		private final Instant now;

		private final List<Object[]> events;

		private String status = "SCANNED";

		private int stepIndex;

		private int funnelStage;

		private boolean ended;

		private Instant rewardedAt;

		private Instant couponIssuedAt;

		private Instant updatedAt;

		Journey(UUID id, long campaignId, long screenId, Instant scanned, Instant now, List<Object[]> events) {
			this.id = id;
			this.campaignId = campaignId;
			this.screenId = screenId;
			this.scanned = scanned;
			this.now = now;
			this.events = events;
			this.updatedAt = scanned;
		}

		/** Records the event unless it would lie in the future; whether it did. */
		boolean event(String step, long seconds, int stageFrom, int stageTo) {
			Instant at = this.scanned.plusSeconds(seconds);
			if (at.isAfter(this.now)) {
				return false;
			}
			this.events.add(new Object[] { this.id, this.campaignId, this.screenId, step, ts(at), seconds,
					ts(this.scanned), stageFrom, stageTo });
			this.updatedAt = at;
			if (stageTo < 0) {
				this.status = step;
				this.ended = true;
			}
			else if (stageTo <= 3) {
				this.status = step;
				this.stepIndex = stageTo;
				this.ended = stageTo == 3;
				this.rewardedAt = stageTo == 3 ? at : this.rewardedAt;
			}
			else if (stageTo == 4) {
				this.couponIssuedAt = at;
			}
			this.funnelStage = Math.max(this.funnelStage, Math.min(stageTo, 4));
			return true;
		}

		Object[] sessionRow(long partnerId, long placementId, int ttlMinutes) {
			return new Object[] { this.id, partnerId, this.campaignId, placementId, this.screenId, this.status,
					this.stepIndex, this.ended, this.rewardedAt == null ? null : ts(this.rewardedAt),
					this.couponIssuedAt == null ? null : ts(this.couponIssuedAt), ts(this.scanned), ts(this.updatedAt),
					ts(this.scanned.plus(Duration.ofMinutes(ttlMinutes))), this.funnelStage };
		}

	}

}
