package com.smartengage.journey;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Placement;
import com.smartengage.campaign.PlacementService;
import com.smartengage.common.web.MessagePages;

/**
 * {@code GET /s/<slug>}: the URL inside every QR code. A shopper's scan creates a session
 * and is sent on to the partner's form; link-preview bots and HEAD requests see the page
 * without starting anything. A running campaign's scans usually get their 302 from
 * {@link ScanFastPath} before they reach this controller.
 */
@RestController
@Tag(name = "Shopper pages")
class ScanController {

	private final PlacementService placements;

	private final CampaignService campaigns;

	private final SessionService sessions;

	private final MessagePages pages;

	private final Clock clock;

	ScanController(PlacementService placements, CampaignService campaigns, SessionService sessions, MessagePages pages,
			Clock clock) {
		this.placements = placements;
		this.campaigns = campaigns;
		this.sessions = sessions;
		this.pages = pages;
		this.clock = clock;
	}

	@RequestMapping(path = "/s/{slug}", method = { RequestMethod.GET, RequestMethod.HEAD })
	@Operation(summary = "Scan a placement's QR code",
			description = "302 to the campaign's form with session_id added; bots and HEAD create no session.")
	@ApiResponse(responseCode = "302", description = "A new session; Location is the form URL with session_id")
	@ApiResponse(responseCode = "200", description = "A link-preview bot or a HEAD request: a page, no session")
	@ApiResponse(responseCode = "404", description = "No placement with that slug: a friendly page")
	@ApiResponse(responseCode = "410", description = "The campaign has ended: a friendly page")
	@ApiResponse(responseCode = "503", description = "The campaign has not started or is paused: a friendly page")
	ResponseEntity<?> scan(@PathVariable String slug, HttpServletRequest request) throws IOException {
		// The fast path's scan failed: answer as for a failure here.
		FastPathFailures.rethrow(request);
		Placement placement = this.placements.bySlug(slug).orElse(null);
		if (placement == null) {
			return this.pages.page(HttpStatus.NOT_FOUND, "QR code not recognised",
					"This code does not lead to any campaign. Please check the code on the screen and scan again.");
		}
		Campaign campaign = this.campaigns.cached(placement.campaignId());
		Instant now = this.clock.instant();
		switch (campaign.stateAt(now)) {
			case SCHEDULED -> {
				long wait = Math.max(1, Duration.between(now, campaign.startsAt()).toSeconds());
				return withRetryAfter(this.pages.page(HttpStatus.SERVICE_UNAVAILABLE, "Coming soon",
						"This offer has not started yet. Please come back and scan again later."), wait);
			}
			case PAUSED -> {
				return withRetryAfter(this.pages.page(HttpStatus.SERVICE_UNAVAILABLE, "Taking a short break",
						"This offer is paused at the moment. Please try again a little later."), 600);
			}
			case ENDED -> {
				return this.pages.page(HttpStatus.GONE, "This offer has ended",
						"Thank you for your interest. This campaign is over.");
			}
			case RUNNING -> {
				// fall through to the scan
			}
		}
		if (RequestMethod.HEAD.name().equals(request.getMethod())
				|| LinkPreviewBots.isBot(request.getHeader(HttpHeaders.USER_AGENT))) {
			return this.pages.page(HttpStatus.OK, campaign.name(), "Scan the code on the screen to take part.");
		}
		UUID sessionId = this.sessions.scan(placement, campaign);
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, FormRedirect.location(campaign.formUrl(), sessionId))
			.cacheControl(CacheControl.noStore())
			.build();
	}

	private static ResponseEntity<String> withRetryAfter(ResponseEntity<String> page, long seconds) {
		return ResponseEntity.status(page.getStatusCode())
			.headers(page.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.min(seconds, 86_400)))
			.body(page.getBody());
	}

}
