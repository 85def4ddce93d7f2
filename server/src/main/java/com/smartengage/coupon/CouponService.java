package com.smartengage.coupon;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.common.text.Ids;
import com.smartengage.common.text.Texts;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.ErrorCodes;
import com.smartengage.common.web.PublicUrl;
import com.smartengage.journey.JourneySession;
import com.smartengage.journey.SessionService;
import com.smartengage.partner.PartnerPrincipal;

/**
 * Issues a session its one coupon and redeems it at the till. The database enforces the
 * rules: a conditional update gives each session one issue, a unique session column gives
 * each code one session, and {@code SKIP LOCKED} lets concurrent issues take different
 * codes without waiting.
 *
 * <p>
 * A sandbox session (ADR 0012) gets a code made on the spot ({@code TEST-} and ten random
 * characters), never one of the pool, under the same rules: one per session, once the
 * reward step is reached, redeemed once. Its campaign's end does not apply, as it does
 * not to the sandbox's scan.
 */
@Service
public class CouponService {

	/** What every sandbox coupon code starts with. */
	static final String SANDBOX_CODE_PREFIX = "TEST-";

	/**
	 * What every sandbox coupon page token starts with; with it, a sandbox token is 37
	 * characters long, a live one 32, so a token tells its table.
	 */
	static final String SANDBOX_TOKEN_PREFIX = "test_";

	/** A live coupon page token's length (24 random bytes in base64url). */
	private static final int TOKEN_LENGTH = 32;

	/** How many codes a sandbox issue draws at most before it gives up. */
	private static final int SANDBOX_CODE_TRIES = 5;

	private final SecureRandom random = new SecureRandom();

	private final CouponRepository coupons;

	private final SessionService sessions;

	private final CampaignService campaigns;

	private final FlowService flows;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CouponService(CouponRepository coupons, SessionService sessions, CampaignService campaigns, FlowService flows,
			PublicUrl publicUrl, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.coupons = coupons;
		this.sessions = sessions;
		this.campaigns = campaigns;
		this.flows = flows;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/** Issues the caller's session (of the caller's mode) its coupon. */
	@Transactional
	public IssuedCoupon issue(PartnerPrincipal partner, String rawSessionId) {
		long partnerId = partner.partnerId();
		UUID id = Ids.parseUuid(rawSessionId);
		JourneySession session = id == null ? null : this.sessions.find(id, partner).orElse(null);
		if (session == null) {
			throw new BadRequestException(ErrorCodes.SESSION_NOT_FOUND, "Invalid session_id " + Ids.echo(rawSessionId));
		}
		Campaign campaign = this.campaigns.cached(session.campaignId());
		if (session.couponIssuedAt() != null) {
			throw alreadyIssued(rawSessionId);
		}
		if (session.rewardedAt() == null) {
			Flow flow = this.flows.get(campaign.flowId());
			String where = flow.isFailure(session.status()) ? " ended at " + session.status() + " without reaching "
					: " has not reached ";
			throw new BadRequestException(ErrorCodes.STEP_NOT_REACHED, "Session " + Ids.echo(rawSessionId) + where
					+ flow.rewardStep() + "; a coupon is issued once the session reaches " + flow.rewardStep());
		}
		Instant now = this.clock.instant();
		if (!session.test() && campaign.stateAt(now) == Campaign.State.ENDED) {
			throw new BadRequestException(ErrorCodes.CAMPAIGN_ENDED, "Campaign " + campaign.id() + " is over since "
					+ campaign.endsAt() + "; no more coupons are issued");
		}
		Flow flow = this.flows.get(campaign.flowId());
		if (!this.sessions.claimCoupon(id, partnerId, now, flow)) {
			throw alreadyIssued(rawSessionId);
		}
		if (session.test()) {
			return issueSandbox(session, campaign, flow, now);
		}
		CouponRepository.FreeCode free = this.coupons.claimFree(campaign.id())
			.orElseThrow(() -> new BadRequestException(ErrorCodes.POOL_EMPTY,
					"No coupons are left for campaign " + campaign.id() + "; the pool is used up"));
		String token = newToken();
		Instant expiresAt = now.plus(Duration.ofDays(campaign.couponValidDays()));
		if (!this.coupons.assign(free.id(), id, token, now, expiresAt)) {
			throw new IllegalStateException("Coupon " + free.id() + " was claimed twice despite its row lock");
		}
		this.sessions.recordCouponIssued(session, Flow.COUPON_ISSUED, now, flow);
		this.events.publishEvent(new CouponIssued(id, partnerId, campaign.id(), free.code(), now, expiresAt, false));
		return new IssuedCoupon("success", free.code(), this.publicUrl.couponUrl(token), expiresAt, id.toString());
	}

	/**
	 * The sandbox session's coupon, made now; its session's claim is taken in this
	 * transaction already.
	 */
	private IssuedCoupon issueSandbox(JourneySession session, Campaign campaign, Flow flow, Instant now) {
		String token = SANDBOX_TOKEN_PREFIX + newToken();
		Instant expiresAt = now.plus(Duration.ofDays(campaign.couponValidDays()));
		String code = null;
		for (int tries = 0; code == null && tries < SANDBOX_CODE_TRIES; tries++) {
			String drawn = SANDBOX_CODE_PREFIX + CouponPoolService.randomCode(this.random);
			if (this.coupons.insertSandbox(session.id(), session.partnerId(), campaign.id(), drawn, token, now,
					expiresAt)) {
				code = drawn;
			}
		}
		if (code == null) {
			throw new IllegalStateException("No free sandbox code after " + SANDBOX_CODE_TRIES + " draws");
		}
		this.sessions.recordCouponIssued(session, Flow.COUPON_ISSUED, now, flow);
		this.events.publishEvent(
				new CouponIssued(session.id(), session.partnerId(), campaign.id(), code, now, expiresAt, true));
		return new IssuedCoupon("success", code, this.publicUrl.couponUrl(token), expiresAt, session.id().toString());
	}

	/**
	 * Redeems the caller's coupon of that code: a live key's from the pools, a test key's
	 * from the sandbox.
	 */
	@Transactional
	public RedeemedCoupon redeem(PartnerPrincipal partner, String code) {
		long partnerId = partner.partnerId();
		boolean test = partner.test();
		// No pool holds a longer code or one that is not clean text (imports refuse
		// them), and PostgreSQL refuses a NUL in a parameter: such a code is unknown
		// without asking.
		boolean storable = code.length() <= CouponPoolService.MAX_CODE_LENGTH && Texts.isClean(code);
		CouponRepository.Coupon coupon = storable ? find(partnerId, code, test).orElse(null) : null;
		if (coupon == null) {
			throw new BadRequestException(ErrorCodes.COUPON_NOT_FOUND, "No coupon with code " + Ids.echo(code));
		}
		if (coupon.sessionId() == null) {
			throw new BadRequestException(ErrorCodes.COUPON_NOT_ISSUED,
					"Coupon " + Ids.echo(code) + " has not been issued to a shopper yet");
		}
		Instant now = this.clock.instant();
		if (!this.coupons.redeem(coupon.id(), now, test)) {
			CouponRepository.Coupon current = this.coupons.findByCode(partnerId, coupon.code(), test).orElseThrow();
			if (current.redeemedAt() != null) {
				throw new BadRequestException(ErrorCodes.COUPON_ALREADY_REDEEMED,
						"Coupon " + Ids.echo(code) + " was already redeemed at " + current.redeemedAt());
			}
			throw new BadRequestException(ErrorCodes.COUPON_EXPIRED,
					"Coupon " + Ids.echo(code) + " expired at " + current.expiresAt());
		}
		if (test) {
			this.sessions.recordSandboxCouponRedeemed(coupon.sessionId(), Flow.COUPON_REDEEMED, now);
		}
		else {
			Flow flow = this.flows.get(this.campaigns.cached(coupon.campaignId()).flowId());
			this.sessions.recordCouponRedeemed(coupon.sessionId(), coupon.campaignId(), coupon.screenId(),
					Flow.COUPON_REDEEMED, now, coupon.scannedAt(), flow);
		}
		this.events.publishEvent(
				new CouponRedeemed(coupon.sessionId(), partnerId, coupon.campaignId(), coupon.code(), now, test));
		return new RedeemedCoupon("success", coupon.code(), now, coupon.sessionId().toString());
	}

	/**
	 * The coupon of a code as the till typed it: by its composed (NFC) spelling, the one
	 * imports store, then by the spelling given, which a code imported before imports
	 * were normalized may still have.
	 */
	private Optional<CouponRepository.Coupon> find(long partnerId, String code, boolean test) {
		String composed = CouponPoolService.normalize(code);
		Optional<CouponRepository.Coupon> found = this.coupons.findByCode(partnerId, composed, test);
		return found.isPresent() || composed.equals(code) ? found : this.coupons.findByCode(partnerId, code, test);
	}

	/** The coupon behind a coupon page's token. */
	@Transactional(readOnly = true)
	public Optional<CouponPage> page(String token) {
		if (token == null || token.length() < 20 || token.length() > 64) {
			return Optional.empty();
		}
		boolean test = token.length() == SANDBOX_TOKEN_PREFIX.length() + TOKEN_LENGTH
				&& token.startsWith(SANDBOX_TOKEN_PREFIX);
		return this.coupons.findByToken(token, test)
			.map((c) -> new CouponPage(c.campaignName(), c.code(), c.issuedAt(), c.expiresAt(), c.redeemedAt(),
					!this.clock.instant().isBefore(c.expiresAt()), test));
	}

	private String newToken() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static BadRequestException alreadyIssued(String rawSessionId) {
		return new BadRequestException(ErrorCodes.COUPON_ALREADY_ISSUED,
				"A coupon was already issued for session_id " + Ids.echo(rawSessionId));
	}

}
