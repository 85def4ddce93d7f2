package com.smartengage.campaign;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.qr.QrAnswers;

/** Admin API for campaigns, their flows and placements. */
@RestController
@Tag(name = "Admin: campaigns, flows, placements")
@SecurityRequirement(name = "admin")
class CampaignApiController {

	private final CampaignService campaigns;

	private final FlowService flows;

	private final PlacementService placements;

	private final QrAnswers qr;

	private final JsonMapper json;

	CampaignApiController(CampaignService campaigns, FlowService flows, PlacementService placements, QrAnswers qr,
			JsonMapper json) {
		this.campaigns = campaigns;
		this.flows = flows;
		this.placements = placements;
		this.qr = qr;
		this.json = json;
	}

	@PostMapping("/admin/api/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a campaign",
			description = "Without coupon_codes, coupon_quota unique codes are generated. Times are ISO-8601 with an offset.")
	CampaignView create(@RequestBody(required = false) CreateCampaign body) {
		return this.campaigns.create(body);
	}

	@GetMapping("/admin/api/campaigns")
	@Operation(summary = "List campaigns")
	List<CampaignView> list(@RequestParam(name = "partner_id", required = false) Long partnerId) {
		return this.campaigns.list(partnerId);
	}

	@GetMapping("/admin/api/campaigns/{id}")
	@Operation(summary = "Get a campaign")
	CampaignView get(@PathVariable long id) {
		return this.campaigns.getView(id);
	}

	@PostMapping("/admin/api/campaigns/{id}/pause")
	@Operation(summary = "Pause a campaign", description = "Scans get a friendly page and create no session.")
	CampaignView pause(@PathVariable long id) {
		return this.campaigns.setPaused(id, true);
	}

	@PostMapping("/admin/api/campaigns/{id}/resume")
	@Operation(summary = "Resume a paused campaign")
	CampaignView resume(@PathVariable long id) {
		return this.campaigns.setPaused(id, false);
	}

	@PostMapping("/admin/api/campaigns/{id}/placements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Show a campaign on a screen", description = "Answers the slug and the URLs to print.")
	PlacementView createPlacement(@PathVariable long id, @RequestBody(required = false) CreatePlacement body) {
		if (body == null) {
			throw new BadRequestException("Request body must be a JSON object with a screen_id");
		}
		return this.placements.create(id, body.screenId());
	}

	@GetMapping("/admin/api/campaigns/{id}/placements")
	@Operation(summary = "List a campaign's placements")
	List<PlacementView> listPlacements(@PathVariable long id) {
		return this.placements.list(id);
	}

	@GetMapping("/admin/api/placements/{slug}")
	@Operation(summary = "Get a placement by its slug")
	PlacementView getPlacement(@PathVariable String slug) {
		return this.placements.view(placement(slug));
	}

	@GetMapping(path = "/admin/api/placements/{slug}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "QR code of a placement as PNG")
	ResponseEntity<byte[]> qrPng(@PathVariable String slug, @Parameter(
			description = "pixels, 64 to 2048; 1024 when not given") @RequestParam(required = false) Integer size) {
		Placement placement = placement(slug);
		return this.qr.png(this.placements.scanUrl(placement.slug()), placement.slug(), size, false);
	}

	@GetMapping(path = "/admin/api/placements/{slug}/qr.svg", produces = "image/svg+xml")
	@Operation(summary = "QR code of a placement as SVG")
	ResponseEntity<String> qrSvg(@PathVariable String slug, @Parameter(
			description = "pixels, 64 to 2048; 1024 when not given") @RequestParam(required = false) Integer size) {
		Placement placement = placement(slug);
		return this.qr.svg(this.placements.scanUrl(placement.slug()), placement.slug(), size, false);
	}

	@PostMapping("/admin/api/flows")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a flow",
			description = "steps in order; failure_steps end a journey; reward_step (default: the last step) earns the coupon.")
	Flow createFlow(@RequestBody(required = false) CreateFlow body) {
		if (body == null) {
			throw new BadRequestException("Request body must be a JSON object with a name and steps");
		}
		return this.flows.create(body.name(), body.steps(), body.failureSteps(), body.rewardStep());
	}

	@GetMapping("/admin/api/flows")
	@Operation(summary = "List flows")
	List<Flow> listFlows() {
		return this.flows.list();
	}

	@GetMapping("/admin/api/flows/{name}")
	@Operation(summary = "Get a flow by name")
	Flow getFlow(@PathVariable String name) {
		return this.flows.getByName(name);
	}

	private Placement placement(String slug) {
		return this.placements.bySlug(slug)
			.orElseThrow(() -> new NotFoundException("No placement with slug " + Ids.echo(slug)));
	}

	record CreatePlacement(@JsonProperty("screen_id") Long screenId) {
	}

	record CreateFlow(String name, List<String> steps, @JsonProperty("failure_steps") List<String> failureSteps,
			@JsonProperty("reward_step") String rewardStep) {
	}

}
