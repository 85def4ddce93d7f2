package com.smartengage.journey;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Placement;
import com.smartengage.campaign.PlacementService;
import com.smartengage.common.web.FilterOrder;

/**
 * The scan's common case without Spring MVC: a shopper's GET of a running campaign's QR
 * code gets its session and its 302 here, after the security headers and the rate limit,
 * and skips the handler mapping and the argument and return value handling, which cost
 * more than the scan's own work. Everything else (an unknown code, a campaign not
 * running, a bot, HEAD, an odd path) goes on to {@link ScanController}, and so does a
 * failure, which the controller rethrows, so that every answer but the 302 is made in one
 * place.
 */
@Component
@Order(FilterOrder.SCAN_FAST_PATH)
class ScanFastPath extends OncePerRequestFilter {

	/** The paths taken here: one plain slug segment, nothing to decode. */
	private static final Pattern PATH = Pattern.compile("/s/[A-Za-z0-9_-]{1,32}");

	private final PlacementService placements;

	private final CampaignService campaigns;

	private final SessionService sessions;

	private final Clock clock;

	ScanFastPath(PlacementService placements, CampaignService campaigns, SessionService sessions, Clock clock) {
		this.placements = placements;
		this.campaigns = campaigns;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !PATH.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String location = null;
		try {
			location = scan(request);
		}
		catch (RuntimeException ex) {
			FastPathFailures.handOver(request, ex);
		}
		if (location == null) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern("/s/{slug}"));
		response.setStatus(HttpStatus.FOUND.value());
		response.setHeader(HttpHeaders.LOCATION, location);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	/**
	 * The new session's redirect, or null when the controller must answer: no such
	 * placement, a campaign that is not running, a bot.
	 */
	private String scan(HttpServletRequest request) {
		Placement placement = this.placements.bySlug(request.getRequestURI().substring(3)).orElse(null);
		if (placement == null) {
			return null;
		}
		Campaign campaign = this.campaigns.cached(placement.campaignId());
		if (campaign.stateAt(this.clock.instant()) != Campaign.State.RUNNING
				|| LinkPreviewBots.isBot(request.getHeader(HttpHeaders.USER_AGENT))) {
			return null;
		}
		UUID sessionId = this.sessions.scan(placement, campaign);
		return FormRedirect.location(campaign.formUrl(), sessionId);
	}

}
