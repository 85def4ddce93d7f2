package com.smartengage.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.smartengage.analytics.AnalyticsService;
import com.smartengage.analytics.Breakdown;
import com.smartengage.analytics.Funnel;
import com.smartengage.analytics.TimeSeries;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.CampaignView;
import com.smartengage.campaign.FlowService;
import com.smartengage.coupon.CouponCodeFiles;
import com.smartengage.coupon.CouponPoolService;
import com.smartengage.coupon.ImportResult;

/**
 * The routes the dashboard's scripts call, under {@code /dashboard/api/}: JSON answers
 * (errors as {@code {"error_msg": ...}}), the live stream of a campaign's changes, and
 * the coupon-code upload whose progress the page shows.
 */
@Hidden
@RestController
class CampaignLiveApiController {

	private final CampaignService campaigns;

	private final LiveStreams streams;

	private final Formats formats;

	private final AnalyticsService analytics;

	private final FlowService flows;

	private final Clock clock;

	private final CouponPoolService pools;

	CampaignLiveApiController(CampaignService campaigns, LiveStreams streams, Formats formats,
			AnalyticsService analytics, FlowService flows, Clock clock, CouponPoolService pools) {
		this.campaigns = campaigns;
		this.streams = streams;
		this.formats = formats;
		this.analytics = analytics;
		this.flows = flows;
		this.clock = clock;
		this.pools = pools;
	}

	/**
	 * Everything a campaign's page draws, for the range and screen it shows: the funnel,
	 * the breakdown by screen (sorted as asked), the time series and the coupon pool.
	 */
	@GetMapping("/dashboard/api/campaigns/{id}/data")
	CampaignData data(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			@RequestParam(name = "screen_id", required = false) Long screenId,
			@RequestParam(required = false) String interval, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String order) {
		Instant now = this.clock.instant();
		CampaignView campaign = this.campaigns.getView(id);
		String zone = tz == null || tz.isBlank() ? this.formats.zoneName() : tz;
		Funnel funnel = this.analytics.funnel(id, from, to, screenId, zone);
		Breakdown breakdown = this.analytics.breakdown(id, from, to, zone, sort, order);
		TimeSeries series = this.analytics.timeSeries(id, from, to, screenId, zone, interval);
		return new CampaignData(
				new CampaignData.Summary(campaign.id(), campaign.name(), campaign.state(), campaign.paused()),
				campaign.coupons(), this.flows.getByName(campaign.flow()).rewardStep(), funnel, breakdown, series, now);
	}

	/** The new-campaign form sent by its script, which uploads the codes next. */
	@PostMapping("/dashboard/api/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@ModelAttribute CampaignForm form) {
		CampaignView created = this.campaigns.create(form.toRequest(this.formats.zone()));
		return Map.of("id", created.id(), "url", "/dashboard/campaigns/" + created.id());
	}

	/** Codes from a CSV or text file, one a line, sent as the raw request body. */
	@PostMapping("/dashboard/api/campaigns/{id}/coupon-codes")
	ImportResult importCodes(@PathVariable long id, HttpServletRequest request) throws IOException {
		this.campaigns.get(id);
		ImportResult result = this.pools.importCodes(id, CouponCodeFiles.csv(request.getInputStream()));
		return result;
	}

	/**
	 * Server-sent events: {@code changed} whenever the campaign's numbers may have
	 * changed, on any instance.
	 */
	@GetMapping(path = "/dashboard/api/campaigns/{id}/events", produces = "text/event-stream")
	SseEmitter events(@PathVariable long id) {
		this.campaigns.get(id);
		return this.streams.open(id);
	}

	/**
	 * The browser closed a live stream (the page was left or reloaded): nothing to
	 * answer, nothing went wrong.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void streamClosedByTheBrowser() {
	}

	/** What a campaign's page draws. */
	record CampaignData(Summary campaign, CampaignView.Coupons coupons, @JsonProperty("reward_step") String rewardStep,
			Funnel funnel, Breakdown breakdown, TimeSeries series, @JsonProperty("updated_at") Instant updatedAt) {

		record Summary(long id, String name, String state, boolean paused) {
		}

	}

}
