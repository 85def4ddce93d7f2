package com.smartengage.journey;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.common.web.ApiException;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.ErrorCodes;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.partner.PartnerPrincipal;

/**
 * The sandbox's scan (ADR 0012): a test API key starts a session of one of its partner's
 * campaigns as if a shopper had scanned it, and learns the form URL the shopper's phone
 * would have been sent to. The session then answers the partner API exactly as a live one
 * does, for test keys only.
 *
 * <p>
 * The campaign's schedule and pause do not apply: a partner builds its integration before
 * the campaign starts, and goes on testing while an operator pauses it, and a test
 * session never reaches a screen or a shopper. The sandbox has no screens: its sessions
 * have no placement and show {@code screen_id} null.
 */
@Component
class Sandbox {

	static final String NEEDS_TEST_KEY = "Sandbox calls need a test API-KEY";

	/** Most campaign ids a refusal lists. */
	private static final int LISTED_CAMPAIGNS = 20;

	private final CampaignService campaigns;

	private final SessionService sessions;

	Sandbox(CampaignService campaigns, SessionService sessions) {
		this.campaigns = campaigns;
		this.sessions = sessions;
	}

	/** Refuses a live key with the 403 every sandbox call gives it. */
	void requireTestKey(PartnerPrincipal partner) {
		if (!partner.test()) {
			throw new NeedsTestKeyException();
		}
	}

	/**
	 * A new sandbox session of the campaign, or of the partner's only campaign when
	 * {@code campaignId} is null; nothing is made when the call is refused.
	 */
	SandboxScan scan(PartnerPrincipal partner, Long campaignId) {
		requireTestKey(partner);
		Campaign campaign = campaign(partner.partnerId(), campaignId);
		UUID sessionId = this.sessions.sandboxScan(campaign);
		return new SandboxScan(sessionId.toString(), FormRedirect.location(campaign.formUrl(), sessionId));
	}

	/**
	 * The partner's campaign of that id; another partner's is answered as one that does
	 * not exist.
	 */
	private Campaign campaign(long partnerId, Long campaignId) {
		List<Campaign> own = this.campaigns.ofPartner(partnerId);
		if (campaignId != null) {
			return own.stream()
				.filter((c) -> c.id() == campaignId)
				.findFirst()
				.orElseThrow(() -> new NotFoundException(ErrorCodes.CAMPAIGN_NOT_FOUND,
						"No campaign with campaign_id: " + campaignId + " for this API-KEY"));
		}
		if (own.isEmpty()) {
			throw new NotFoundException(ErrorCodes.CAMPAIGN_NOT_FOUND,
					"This API-KEY's partner has no campaign yet; an operator creates one first");
		}
		if (own.size() > 1) {
			String ids = own.stream()
				.limit(LISTED_CAMPAIGNS)
				.map((c) -> Long.toString(c.id()))
				.collect(Collectors.joining(", ")) + (own.size() > LISTED_CAMPAIGNS ? ", ..." : "");
			throw new BadRequestException(ErrorCodes.CAMPAIGN_REQUIRED, "campaign_id is required: this API-KEY's "
					+ "partner has " + own.size() + " campaigns (" + ids + "); name the one to scan");
		}
		return own.get(0);
	}

	/** The 403 of a live key on a sandbox call. */
	static class NeedsTestKeyException extends ApiException {

		NeedsTestKeyException() {
			super(HttpStatus.FORBIDDEN, ErrorCodes.SANDBOX_NEEDS_TEST_KEY, NEEDS_TEST_KEY);
		}

	}

}
