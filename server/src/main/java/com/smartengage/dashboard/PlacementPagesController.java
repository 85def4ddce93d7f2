package com.smartengage.dashboard;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Placement;
import com.smartengage.campaign.PlacementService;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.qr.QrAnswers;
import com.smartengage.screen.ScreenService;

/**
 * A placement's QR code: as an image (PNG, SVG; the admin API's answer, see
 * {@link QrAnswers}) and on a page of its own to print.
 */
@Hidden
@Controller
class PlacementPagesController {

	private final PlacementService placements;

	private final CampaignService campaigns;

	private final ScreenService screens;

	private final QrAnswers qr;

	PlacementPagesController(PlacementService placements, CampaignService campaigns, ScreenService screens,
			QrAnswers qr) {
		this.placements = placements;
		this.campaigns = campaigns;
		this.screens = screens;
		this.qr = qr;
	}

	@GetMapping(path = "/dashboard/placements/{slug}/qr.png")
	ResponseEntity<byte[]> qrPng(@PathVariable String slug, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String download) {
		Placement placement = placement(slug);
		return this.qr.png(this.placements.scanUrl(placement.slug()), placement.slug(), size, download != null);
	}

	@GetMapping(path = "/dashboard/placements/{slug}/qr.svg")
	ResponseEntity<String> qrSvg(@PathVariable String slug, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String download) {
		Placement placement = placement(slug);
		return this.qr.svg(this.placements.scanUrl(placement.slug()), placement.slug(), size, download != null);
	}

	/** One QR code on a page of its own, with what it is for, to print and hang. */
	@GetMapping("/dashboard/placements/{slug}/print")
	String print(@PathVariable String slug, Model model) {
		Placement placement = placement(slug);
		model.addAttribute("nav", "campaigns");
		model.addAttribute("placement", this.placements.view(placement));
		model.addAttribute("campaign", this.campaigns.getView(placement.campaignId()));
		model.addAttribute("screen", this.screens.get(placement.screenId()));
		return "dashboard/placement-print";
	}

	private Placement placement(String slug) {
		return this.placements.bySlug(slug)
			.orElseThrow(() -> new NotFoundException("No placement with slug " + Ids.echo(slug)));
	}

}
