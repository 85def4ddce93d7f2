package com.smartengage.coupon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.campaign.CampaignService;
import com.smartengage.common.web.BadRequestException;

/** Admin API for a campaign's coupon pool. */
@RestController
@Tag(name = "Admin: campaigns, flows, placements")
@SecurityRequirement(name = "admin")
class CouponPoolApiController {

	private final CampaignService campaigns;

	private final CouponPoolService pools;

	private final JsonMapper json;

	CouponPoolApiController(CampaignService campaigns, CouponPoolService pools, JsonMapper json) {
		this.campaigns = campaigns;
		this.pools = pools;
		this.json = json;
	}

	@PostMapping(path = "/admin/api/campaigns/{id}/coupon-codes",
			consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import coupon codes",
			description = "A JSON list of codes, or text/csv with one code a line (a header line 'code' is skipped).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = "application/json",
									array = @ArraySchema(schema = @Schema(type = "string", example = "SUMMER-0001"))),
							@Content(mediaType = "text/csv",
									schema = @Schema(type = "string", example = "code\nSUMMER-0001\nSUMMER-0002")) }))
	ImportResult importCodes(@PathVariable long id, HttpServletRequest request) throws IOException {
		this.campaigns.get(id);
		MediaType type = MediaType.parseMediaType(request.getContentType());
		List<String> codes = MediaType.APPLICATION_JSON.isCompatibleWith(type) ? jsonCodes(request)
				: CouponCodeFiles.csv(request.getInputStream());
		return this.pools.importCodes(id, codes);
	}

	private List<String> jsonCodes(HttpServletRequest request) throws IOException {
		JsonNode node;
		try {
			node = this.json.readTree(request.getInputStream());
		}
		catch (JacksonException ex) {
			throw new BadRequestException("Request body is not valid JSON");
		}
		if (node == null || !node.isArray()) {
			throw new BadRequestException("Request body must be a JSON list of coupon codes");
		}
		List<String> codes = new ArrayList<>(node.size());
		for (JsonNode item : node) {
			if (!item.isString()) {
				throw new BadRequestException("Coupon code #" + (codes.size() + 1) + " must be a string");
			}
			codes.add(item.asString());
		}
		return codes;
	}

}
