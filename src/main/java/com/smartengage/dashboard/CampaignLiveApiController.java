package com.smartengage.dashboard;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.CampaignView;
import com.smartengage.campaign.CouponCodeFiles;
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

	private final CampaignChanges changes;

	private final Formats formats;

	CampaignLiveApiController(CampaignService campaigns, LiveStreams streams, CampaignChanges changes,
			Formats formats) {
		this.campaigns = campaigns;
		this.streams = streams;
		this.changes = changes;
		this.formats = formats;
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
		ImportResult result = this.campaigns.importCodes(id, CouponCodeFiles.csv(request.getInputStream()));
		this.changes.changed(id);
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

}
