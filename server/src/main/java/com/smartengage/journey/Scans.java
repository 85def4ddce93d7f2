package com.smartengage.journey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Placement;
import com.smartengage.campaign.PlacementService;

/**
 * The scan's one decision, taken once per request: by {@link ScanFastPath} for a GET of a
 * plain slug, by {@link ScanController} for anything else. Only the redirect starts a
 * session.
 */
@Component
class Scans {

	static final ScanOutcome.Page UNKNOWN = new ScanOutcome.Page(HttpStatus.NOT_FOUND, "QR code not recognised",
			"This code does not lead to any campaign. Please check the code on the screen and scan again.", null);

	static final ScanOutcome.Page PAUSED = new ScanOutcome.Page(HttpStatus.SERVICE_UNAVAILABLE, "Taking a short break",
			"This offer is paused at the moment. Please try again a little later.", 600L);

	static final ScanOutcome.Page ENDED = new ScanOutcome.Page(HttpStatus.GONE, "This offer has ended",
			"Thank you for your interest. This campaign is over.", null);

	/** The longest Retry-After a scheduled campaign's page gives: a day. */
	static final long MAX_RETRY_AFTER = 86_400;

	private final PlacementService placements;

	private final CampaignService campaigns;

	private final SessionService sessions;

	private final Clock clock;

	Scans(PlacementService placements, CampaignService campaigns, SessionService sessions, Clock clock) {
		this.placements = placements;
		this.campaigns = campaigns;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * Answers the scan of {@code slug}.
	 * @param look whether the request only looks (HEAD) rather than scans
	 * @param userAgent the User-Agent header, which tells link-preview bots apart
	 */
	ScanOutcome scan(String slug, boolean look, String userAgent) {
		Placement placement = this.placements.bySlug(slug).orElse(null);
		if (placement == null) {
			return UNKNOWN;
		}
		Campaign campaign = this.campaigns.cached(placement.campaignId());
		Instant now = this.clock.instant();
		switch (campaign.stateAt(now)) {
			case SCHEDULED -> {
				long wait = Math.max(1, Duration.between(now, campaign.startsAt()).toSeconds());
				return new ScanOutcome.Page(HttpStatus.SERVICE_UNAVAILABLE, "Coming soon",
						"This offer has not started yet. Please come back and scan again later.",
						Math.min(wait, MAX_RETRY_AFTER));
			}
			case PAUSED -> {
				return PAUSED;
			}
			case ENDED -> {
				return ENDED;
			}
			case RUNNING -> {
				// on to the scan
			}
		}
		if (look || LinkPreviewBots.isBot(userAgent)) {
			return new ScanOutcome.Page(HttpStatus.OK, campaign.name(), "Scan the code on the screen to take part.",
					null);
		}
		UUID sessionId = this.sessions.scan(placement, campaign);
		return new ScanOutcome.Redirect(FormRedirect.location(campaign.formUrl(), sessionId));
	}

}
