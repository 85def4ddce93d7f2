package com.smartengage.coupon;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.web.ErrorBody;
import com.smartengage.partner.IdempotentRequests;
import com.smartengage.partner.PartnerPrincipal;
import com.smartengage.partner.PartnerRequests;

/** The partner API's coupon calls: issue (engage-v3) and redeem. */
@RestController
@Tag(name = "Partner API")
@SecurityRequirement(name = "API-KEY")
class CouponApiController {

	private final CouponService coupons;

	private final PartnerRequests requests;

	private final IdempotentRequests idempotent;

	private final IssueGate gate;

	CouponApiController(CouponService coupons, PartnerRequests requests, IdempotentRequests idempotent,
			IssueGate gate) {
		this.coupons = coupons;
		this.requests = requests;
		this.idempotent = idempotent;
		this.gate = gate;
	}

	@PostMapping("/smart-engage/post/engage-v3/{sessionId}")
	@Operation(summary = "Issue a coupon",
			description = "The body is empty, {} or []. Answers the code, the shopper's coupon page and the expiry.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					content = @Content(mediaType = "application/json", schema = @Schema(example = "{}"))))
	@ApiResponse(responseCode = "200", description = "A coupon was issued for this session",
			content = @Content(schema = @Schema(implementation = IssuedCoupon.class)))
	@ApiResponse(responseCode = "400",
			description = "Invalid session_id, reward step not reached, already issued, sold out, campaign over",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "401", description = "API-KEY is invalid",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "413", description = "Body larger than 16 KiB",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	ResponseEntity<?> engage(@RequestAttribute(PartnerPrincipal.ATTRIBUTE) PartnerPrincipal partner,
			@PathVariable String sessionId,
			@Parameter(
					description = "Optional: a retry with the same key within 24 h gets the same coupon back") @RequestHeader(
							name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) throws IOException {
		// The body carries nothing; it is read only so that an oversized or malformed one
		// is refused.
		this.requests.read(request);
		// The turn is taken before any transaction (the idempotent one included) takes a
		// connection.
		return this.gate.run(() -> this.idempotent.run(partner, idempotencyKey, "engage-v3\n" + sessionId,
				() -> this.coupons.issue(partner, sessionId)));
	}

	@PostMapping("/smart-engage/post/redeem-coupon")
	@Operation(summary = "Redeem a coupon", description = "Marks the partner's issued coupon as used, once.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(example = "{\"coupon_code\": \"7KQ2M9XH4C\"}"))))
	@ApiResponse(responseCode = "200", description = "The coupon was redeemed",
			content = @Content(schema = @Schema(implementation = RedeemedCoupon.class)))
	@ApiResponse(responseCode = "400", description = "Unknown code, not issued, already redeemed, expired",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "401", description = "API-KEY is invalid",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "413", description = "Body larger than 16 KiB",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	ResponseEntity<?> redeem(@RequestAttribute(PartnerPrincipal.ATTRIBUTE) PartnerPrincipal partner,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) throws IOException {
		JsonNode body = this.requests.readObject(request, "coupon_code");
		String code = PartnerRequests.requiredText(body, "coupon_code").strip();
		return this.idempotent.run(partner, idempotencyKey, "redeem-coupon\n" + code,
				() -> this.coupons.redeem(partner, code));
	}

}
