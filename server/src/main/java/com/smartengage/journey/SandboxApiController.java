package com.smartengage.journey;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.ErrorBody;
import com.smartengage.partner.IdempotentRequests;
import com.smartengage.partner.PartnerPrincipal;
import com.smartengage.partner.PartnerRequests;

/**
 * {@code POST /smart-engage/post/sandbox/scan}: a test API key's stand-in for a shopper's
 * scan (see {@link Sandbox}).
 */
@RestController
@Tag(name = "Partner API: sandbox")
@SecurityRequirement(name = "API-KEY")
class SandboxApiController {

	static final String PATH = "/smart-engage/post/sandbox/scan";

	private final Sandbox sandbox;

	private final PartnerRequests requests;

	private final IdempotentRequests idempotent;

	SandboxApiController(Sandbox sandbox, PartnerRequests requests, IdempotentRequests idempotent) {
		this.sandbox = sandbox;
		this.requests = requests;
		this.idempotent = idempotent;
	}

	@PostMapping(PATH)
	@Operation(summary = "Scan in the sandbox",
			description = "With a test API-KEY (se_test_...): a sandbox session of the campaign, as if a shopper had "
					+ "scanned its QR code, and the form URL the scan would have sent the phone to. The body is "
					+ "{\"campaign_id\": N}; it may be empty, {} or [] when the partner has exactly one campaign. "
					+ "The session then answers update-session-status, engage-v3, get/session and redeem-coupon "
					+ "as a live one does, for test keys only.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = "application/json",
							schema = @Schema(example = "{\"campaign_id\": 7}"))))
	@ApiResponse(responseCode = "200", description = "A new sandbox session",
			content = @Content(schema = @Schema(implementation = SandboxScan.class)))
	@ApiResponse(responseCode = "400",
			description = "campaign_id missing while the partner has several campaigns (campaign_required), or "
					+ "malformed",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "401", description = "API-KEY is invalid",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "403", description = "A live API-KEY: sandbox calls need a test one",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "404", description = "No such campaign for this API-KEY (campaign_not_found)",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	ResponseEntity<?> scan(@RequestAttribute(PartnerPrincipal.ATTRIBUTE) PartnerPrincipal partner, @Parameter(
			description = "Optional: a retry with the same key within 24 h gets the same session back") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) throws IOException {
		this.sandbox.requireTestKey(partner);
		Long campaignId = campaignId(this.requests.read(request));
		return this.idempotent.run(partner, idempotencyKey, "sandbox-scan\n" + campaignId,
				() -> this.sandbox.scan(partner, campaignId));
	}

	/**
	 * The body's {@code campaign_id}, or null when it names none: no body, {@code {}},
	 * {@code []} (PHP's {@code json_encode([])}) or a null.
	 */
	static Long campaignId(JsonNode body) {
		if (body == null || (body.isArray() && body.isEmpty())) {
			return null;
		}
		if (!body.isObject()) {
			throw new BadRequestException("Request body must be a JSON object with campaign_id");
		}
		JsonNode value = body.get("campaign_id");
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
			return value.asLong();
		}
		if (value.isString() && value.asString().matches("[1-9][0-9]{0,17}")) {
			return Long.parseLong(value.asString());
		}
		throw new BadRequestException(
				"campaign_id must be a campaign's id, a whole number, not " + Ids.echo(String.valueOf(value)));
	}

}
