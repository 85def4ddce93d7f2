package com.smartengage.journey;

import java.io.IOException;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.web.ErrorBody;
import com.smartengage.partner.IdempotentRequests;
import com.smartengage.partner.PartnerPrincipal;
import com.smartengage.partner.PartnerRequests;

/** The partner API's session calls: status updates and the read-only session view. */
@RestController
@Tag(name = "Partner API")
@SecurityRequirement(name = "API-KEY")
class SessionApiController {

	private final SessionCalls calls;

	private final PartnerRequests requests;

	private final IdempotentRequests idempotent;

	SessionApiController(SessionCalls calls, PartnerRequests requests, IdempotentRequests idempotent) {
		this.calls = calls;
		this.requests = requests;
		this.idempotent = idempotent;
	}

	@PostMapping("/smart-engage/post/update-session-status")
	@Operation(summary = "Update session status",
			description = "Moves the session forward to new_status. Works with or without a Content-Type header.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = UpdateStatusRequest.class))))
	@ApiResponse(responseCode = "200", description = "The session moved to new_status",
			content = @Content(schema = @Schema(example = "{\"message\": \"Status updated successfully\"}")))
	@ApiResponse(responseCode = "400", description = "Already at or past new_status, bad input, expired session",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "401", description = "API-KEY is invalid",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "404", description = "No session with that id for this partner",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "413", description = "Body larger than 16 KiB",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	ResponseEntity<?> updateStatus(@RequestAttribute(PartnerPrincipal.ATTRIBUTE) PartnerPrincipal partner, @Parameter(
			description = "Optional: a retry with the same key within 24 h replays the first answer") @RequestHeader(
					name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
			HttpServletRequest request) throws IOException {
		FastPathHandover.rethrowFailure(request);
		StatusUpdate update = StatusUpdate.read(this.requests, request);
		return this.idempotent.run(partner, idempotencyKey,
				"update-session-status\n" + update.sessionId() + "\n" + update.newStatus(), () -> {
					this.calls.update(partner, update);
					return SessionCalls.UPDATED;
				});
	}

	@GetMapping("/smart-engage/get/session/{sessionId}")
	@Operation(summary = "Get a session", description = "Status, step history with times, and the coupon if issued.")
	@ApiResponse(responseCode = "200", description = "The session",
			content = @Content(schema = @Schema(implementation = SessionView.class)))
	@ApiResponse(responseCode = "401", description = "API-KEY is invalid",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	@ApiResponse(responseCode = "404", description = "No session with that id for this partner",
			content = @Content(schema = @Schema(implementation = ErrorBody.class)))
	ResponseEntity<byte[]> get(@RequestAttribute(PartnerPrincipal.ATTRIBUTE) PartnerPrincipal partner,
			@PathVariable String sessionId, HttpServletRequest request) throws IOException {
		FastPathHandover.rethrowFailure(request);
		// JSON whatever the Accept header asks for, like the rest of the partner API.
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.calls.viewJson(partner, sessionId));
	}

	@Schema(name = "UpdateSessionStatus")
	record UpdateStatusRequest(
			@Schema(example = "8960569d-db50-4742-8668-1da5c8ddf652") @JsonProperty("session_id") String sessionId,
			@Schema(example = "FORM_REVIEWING") @JsonProperty("new_status") String newStatus) {
	}

}
