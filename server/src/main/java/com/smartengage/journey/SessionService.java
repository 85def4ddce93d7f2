package com.smartengage.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.campaign.Placement;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.ErrorCodes;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.common.web.PublicUrl;
import com.smartengage.partner.PartnerPrincipal;

/**
 * Sessions: created by a scan, moved forward by partners' status updates. Every rule that
 * must hold under concurrency is a conditional UPDATE, so the database decides which of
 * two racing requests wins, on one instance or many. A sandbox session (made with a test
 * API key, ADR 0012) follows the same rules; only a key of its mode finds it, and its
 * steps go to the sandbox's own table, never to the journey events that analytics count.
 */
@Service
public class SessionService {

	/**
	 * How many times an update tries again after other updates of the same session won
	 * the race; each lost race means the session moved on, so a handful is plenty.
	 */
	private static final int MAX_MOVE_TRIES = 5;

	private final SessionRepository repository;

	private final CampaignService campaigns;

	private final FlowService flows;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SessionService(SessionRepository repository, CampaignService campaigns, FlowService flows, PublicUrl publicUrl,
			Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.campaigns = campaigns;
		this.flows = flows;
		this.publicUrl = publicUrl;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Starts a journey for a scan of the placement; the session and its SCANNED event are
	 * durable on return.
	 */
	@Transactional
	public UUID scan(Placement placement, Campaign campaign) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(Duration.ofMinutes(campaign.sessionTtlMinutes()));
		this.repository.insert(id, campaign.partnerId(), campaign.id(), placement.id(), placement.screenId(), now,
				expiresAt);
		this.repository.insertEvent(id, campaign.id(), placement.screenId(), Flow.SCANNED, now, now, -1,
				Flow.SCANNED_STAGE);
		this.events.publishEvent(new JourneyRecorded(campaign.id(), placement.screenId(), Flow.SCANNED));
		this.events.publishEvent(new SessionStatusChanged(id, campaign.partnerId(), campaign.id(), placement.screenId(),
				Flow.SCANNED, null, now, false));
		return id;
	}

	/**
	 * Starts a sandbox journey of the campaign, as if a shopper had scanned it: a session
	 * at SCANNED without a placement or a screen, durable on return. The campaign's
	 * schedule and pause do not apply (see {@link Sandbox}).
	 */
	@Transactional
	public UUID sandboxScan(Campaign campaign) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(Duration.ofMinutes(campaign.sessionTtlMinutes()));
		this.repository.insertSandbox(id, campaign.partnerId(), campaign.id(), now, expiresAt);
		this.repository.insertSandboxEvent(id, Flow.SCANNED, now);
		this.events.publishEvent(
				new SessionStatusChanged(id, campaign.partnerId(), campaign.id(), null, Flow.SCANNED, null, now, true));
		return id;
	}

	/**
	 * Moves the caller's session (of the caller's mode) to {@code newStatus}, by the
	 * rules of its flow.
	 */
	@Transactional
	public void advance(PartnerPrincipal partner, String rawSessionId, String newStatus) {
		long partnerId = partner.partnerId();
		JourneySession session = ownSession(partner, rawSessionId);
		UUID id = session.id();
		Flow flow = this.flows.get(this.campaigns.cached(session.campaignId()).flowId());
		if (!flow.hasStep(newStatus)) {
			throw new BadRequestException(ErrorCodes.UNKNOWN_STATUS, "new_status " + Ids.echo(newStatus)
					+ " is not a step of flow " + flow.name() + "; the steps are " + flow.describeSteps());
		}
		Instant now = this.clock.instant();
		boolean failure = flow.isFailure(newStatus);
		int index = failure ? session.stepIndex() : flow.indexOf(newStatus);
		checkCanMove(session, failure, index, rawSessionId, now);
		// The update names the status it moves from, so that the event's previous status
		// is
		// exact: when another request moved the session between our read and our write,
		// read again and decide again, as if we came second.
		JourneySession from = session;
		for (int tries = 1; !move(from, partnerId, flow, newStatus, failure, index, now); tries++) {
			from = this.repository.find(id, partnerId, session.test()).orElseThrow();
			checkCanMove(from, failure, index, rawSessionId, now);
			if (tries == MAX_MOVE_TRIES) {
				throw new AlreadyCompletedException(rawSessionId);
			}
		}
		if (session.test()) {
			this.repository.insertSandboxEvent(id, newStatus, now);
		}
		else {
			this.repository.insertEventOfChange(id, newStatus, now, session.createdAt(), failure ? -1 : index);
			this.events.publishEvent(new JourneyRecorded(session.campaignId(), session.screenId(), newStatus));
		}
		this.events.publishEvent(new SessionStatusChanged(id, partnerId, session.campaignId(), session.screenId(),
				newStatus, from.status(), now, session.test()));
	}

	private boolean move(JourneySession from, long partnerId, Flow flow, String newStatus, boolean failure, int index,
			Instant now) {
		if (failure) {
			return this.repository.fail(from.id(), partnerId, from.status(), newStatus, now);
		}
		Instant rewardedAt = index >= flow.rewardIndex() ? now : null;
		return this.repository.advance(from.id(), partnerId, from.status(), newStatus, index, index == flow.lastIndex(),
				rewardedAt, now);
	}

	private static void checkCanMove(JourneySession session, boolean failure, int index, String rawId, Instant now) {
		if (session.ended() || (!failure && index <= session.stepIndex())) {
			throw new AlreadyCompletedException(rawId);
		}
		if (!now.isBefore(session.expiresAt())) {
			throw new BadRequestException(ErrorCodes.SESSION_EXPIRED, "Session " + Ids.echo(rawId) + " expired at "
					+ session.expiresAt() + "; a new scan starts a new session");
		}
	}

	/**
	 * The caller's session (of the caller's mode) with its step history and coupon.
	 */
	@Transactional(readOnly = true)
	public SessionView view(PartnerPrincipal partner, String rawSessionId) {
		JourneySession session = ownSession(partner, rawSessionId);
		UUID id = session.id();
		Flow flow = this.flows.get(this.campaigns.cached(session.campaignId()).flowId());
		SessionView.Coupon coupon = this.repository.coupon(id, session.test())
			.map((c) -> new SessionView.Coupon(c.code(), this.publicUrl.couponUrl(c.token()), c.issuedAt(),
					c.expiresAt(), c.redeemedAt()))
			.orElse(null);
		return new SessionView(id.toString(), session.campaignId(), session.screenId(), flow.name(), session.status(),
				session.ended(), !this.clock.instant().isBefore(session.expiresAt()), session.createdAt(),
				session.expiresAt(),
				this.repository.events(id, session.test())
					.stream()
					.map((e) -> new SessionView.Step(e.step(), e.at()))
					.toList(),
				coupon);
	}

	/**
	 * The caller's session (of the caller's mode), for features that act on it (the
	 * coupon issue).
	 */
	public Optional<JourneySession> find(UUID id, PartnerPrincipal partner) {
		return this.repository.find(id, partner.partnerId(), partner.test());
	}

	/**
	 * Claims the session's one coupon: false when it was claimed already or the session
	 * has not reached its reward step. The claim holds the session's row until the
	 * transaction ends.
	 */
	public boolean claimCoupon(UUID id, long partnerId, Instant now, Flow flow) {
		return this.repository.markCouponIssued(id, partnerId, now, flow.couponIssuedStage());
	}

	/**
	 * Appends the COUPON_ISSUED event of the coupon claimed in this transaction, for a
	 * session scanned at {@code scannedAt}.
	 */
	public void recordCouponIssued(JourneySession session, String step, Instant at, Flow flow) {
		if (session.test()) {
			this.repository.insertSandboxEvent(session.id(), step, at);
			return;
		}
		this.repository.insertEventOfChange(session.id(), step, at, session.createdAt(), flow.couponIssuedStage());
		this.events.publishEvent(new JourneyRecorded(session.campaignId(), session.screenId(), step));
	}

	/**
	 * Appends the COUPON_REDEEMED event of a session scanned at {@code scannedAt}: it
	 * passes the one stage after COUPON_ISSUED.
	 */
	public void recordCouponRedeemed(UUID id, long campaignId, long screenId, String step, Instant at,
			Instant scannedAt, Flow flow) {
		this.repository.insertEvent(id, campaignId, screenId, step, at, scannedAt, flow.couponIssuedStage(),
				flow.couponRedeemedStage());
		this.events.publishEvent(new JourneyRecorded(campaignId, screenId, step));
	}

	/** Appends the COUPON_REDEEMED step of a sandbox session. */
	public void recordSandboxCouponRedeemed(UUID id, String step, Instant at) {
		this.repository.insertSandboxEvent(id, step, at);
	}

	/**
	 * The caller's session, or the contract's 404 (also for another partner's session,
	 * and for a session of the other mode).
	 */
	private JourneySession ownSession(PartnerPrincipal partner, String rawSessionId) {
		UUID id = Ids.parseUuid(rawSessionId);
		return (id == null ? Optional.<JourneySession>empty()
				: this.repository.find(id, partner.partnerId(), partner.test()))
			.orElseThrow(() -> new NotFoundException(ErrorCodes.SESSION_NOT_FOUND,
					"No record with session_id: " + Ids.echo(rawSessionId)));
	}

	/** The contract's "Action already completed" answer. */
	static class AlreadyCompletedException extends BadRequestException {

		AlreadyCompletedException(String rawSessionId) {
			super(ErrorCodes.ACTION_ALREADY_COMPLETED,
					"Action already completed for session_id: " + Ids.echo(rawSessionId));
		}

	}

}
