package com.smartengage.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.web.BadRequestException;
import com.smartengage.partner.Mode;

/**
 * Admin API for partners' webhook endpoints and their deliveries. An endpoint is reached
 * under its partner ({@code /admin/api/partners/{partnerId}/webhook-endpoints/{id}}, a
 * 404 when it is another partner's) or by its id alone
 * ({@code /admin/api/webhook-endpoints/{id}}).
 */
@RestController
@Tag(name = "Admin: webhooks")
@SecurityRequirement(name = "admin")
class WebhookApiController {

	private static final String UNDER_PARTNER = "/admin/api/partners/{partnerId}/webhook-endpoints/{id}";

	private static final String BY_ID = "/admin/api/webhook-endpoints/{id}";

	private final WebhookEndpoints endpoints;

	WebhookApiController(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@PostMapping("/admin/api/partners/{partnerId}/webhook-endpoints")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a webhook endpoint",
			description = "url: https (or http when the server allows it), on a public address. events: any of "
					+ "session.status_changed, coupon.issued, coupon.redeemed; leave it out for all. mode: live "
					+ "(the default) hears live sessions, test the sandbox sessions of test API keys. "
					+ "The answer holds the signing secret (whsec_...); it is never shown again.")
	CreatedWebhookEndpoint create(@PathVariable long partnerId, @RequestBody(required = false) CreateEndpoint body) {
		if (body == null) {
			throw new BadRequestException("Request body must be a JSON object with a url");
		}
		return this.endpoints.create(partnerId, body.url(), body.events(), body.description(),
				Mode.parse("mode", body.mode()));
	}

	@GetMapping("/admin/api/partners/{partnerId}/webhook-endpoints")
	@Operation(summary = "List a partner's webhook endpoints", description = "Never their secrets.")
	List<WebhookEndpoint> list(@PathVariable long partnerId) {
		return this.endpoints.list(partnerId);
	}

	@GetMapping({ UNDER_PARTNER, BY_ID })
	@Operation(summary = "Get a webhook endpoint", description = "Never its secret.")
	WebhookEndpoint get(@PathVariable(required = false) Long partnerId, @PathVariable long id) {
		return this.endpoints.get(partnerId, id);
	}

	@DeleteMapping({ UNDER_PARTNER, BY_ID })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a webhook endpoint", description = "With its delivery log; nothing more is sent.")
	void delete(@PathVariable(required = false) Long partnerId, @PathVariable long id) {
		this.endpoints.delete(partnerId, id);
	}

	@PostMapping({ UNDER_PARTNER + "/rotate-secret", BY_ID + "/rotate-secret" })
	@Operation(summary = "Rotate a webhook endpoint's secret",
			description = "The answer holds the new secret, shown this once. Until previous_secret_until (24 h by "
					+ "default) each delivery carries two signatures, one per secret.")
	RotatedSecret rotate(@PathVariable(required = false) Long partnerId, @PathVariable long id) {
		return this.endpoints.rotateSecret(partnerId, id);
	}

	@PostMapping({ UNDER_PARTNER + "/disable", BY_ID + "/disable" })
	@Operation(summary = "Disable a webhook endpoint", description = "It receives nothing until enabled again.")
	WebhookEndpoint disable(@PathVariable(required = false) Long partnerId, @PathVariable long id) {
		return this.endpoints.setEnabled(partnerId, id, false);
	}

	@PostMapping({ UNDER_PARTNER + "/enable", BY_ID + "/enable" })
	@Operation(summary = "Enable a webhook endpoint",
			description = "Also one that was disabled after failing for days; it receives new events from now on.")
	WebhookEndpoint enable(@PathVariable(required = false) Long partnerId, @PathVariable long id) {
		return this.endpoints.setEnabled(partnerId, id, true);
	}

	@PostMapping({ UNDER_PARTNER + "/test", BY_ID + "/test" })
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a test event",
			description = "Queues a webhook.test event to this endpoint, whatever it subscribed to; the answer is "
					+ "its delivery.")
	WebhookDelivery test(@PathVariable(required = false) Long partnerId, @PathVariable long id) {
		return this.endpoints.sendTest(partnerId, id);
	}

	@GetMapping({ UNDER_PARTNER + "/deliveries", BY_ID + "/deliveries" })
	@Operation(summary = "List an endpoint's deliveries, newest first",
			description = "Pass the smallest id of a page as before_id to get the next page.")
	List<WebhookDelivery> deliveries(@PathVariable(required = false) Long partnerId, @PathVariable long id,
			@Parameter(description = "1 to 1000, default 50") @RequestParam(defaultValue = "50") int limit,
			@Parameter(description = "only deliveries with a smaller id") @RequestParam(name = "before_id",
					required = false) Long beforeId) {
		return this.endpoints.deliveries(partnerId, id, limit, beforeId);
	}

	@GetMapping("/admin/api/webhook-deliveries/{id}")
	@Operation(summary = "Get a delivery", description = "With its payload and every attempt, newest first.")
	WebhookDelivery delivery(@PathVariable long id) {
		return this.endpoints.delivery(id);
	}

	@PostMapping("/admin/api/webhook-deliveries/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Retry a delivery now",
			description = "Whatever its state; it keeps its webhook-id, so a receiver that has it already can drop "
					+ "the repeat.")
	WebhookDelivery retry(@PathVariable long id) {
		return this.endpoints.retry(id);
	}

	record CreateEndpoint(String url, List<String> events, String description, String mode) {
	}

}
