package com.smartengage.dashboard;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.smartengage.common.web.ApiException;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.partner.Mode;
import com.smartengage.partner.PartnerService;
import com.smartengage.webhook.CreatedWebhookEndpoint;
import com.smartengage.webhook.RotatedSecret;
import com.smartengage.webhook.WebhookDelivery;
import com.smartengage.webhook.WebhookEndpoint;
import com.smartengage.webhook.WebhookEndpoints;
import com.smartengage.webhook.WebhookEventType;
import com.smartengage.webhook.WebhookProperties;

/**
 * A partner's webhook endpoints: register one (its secret shown once), send a test event,
 * rotate the secret (the new one shown once), disable, enable, delete. Each action is one
 * call of {@link WebhookEndpoints}; the delivery log is
 * {@link WebhookDeliveryPagesController}'s.
 */
@Hidden
@Controller
class WebhookPagesController {

	/**
	 * A form whose boxes are all unticked sends no {@code events} at all, which the
	 * service would read as "every type".
	 */
	static final String NO_EVENTS = "Tick at least one event type for the endpoint to receive";

	private final WebhookEndpoints endpoints;

	private final PartnerService partners;

	private final WebhookProperties properties;

	private final Formats formats;

	WebhookPagesController(WebhookEndpoints endpoints, PartnerService partners, WebhookProperties properties,
			Formats formats) {
		this.endpoints = endpoints;
		this.partners = partners;
		this.properties = properties;
		this.formats = formats;
	}

	@GetMapping("/dashboard/partners/{partnerId}/webhooks")
	String list(@PathVariable long partnerId, @RequestParam(required = false) Long disabled,
			@RequestParam(required = false) Long enabled, @RequestParam(required = false) Long deleted, Model model) {
		String notice = null;
		if (disabled != null) {
			notice = "Webhook endpoint " + disabled + " is disabled: it receives no new events until you enable it.";
		}
		else if (enabled != null) {
			notice = "Webhook endpoint " + enabled + " is enabled: it receives new events from now on.";
		}
		else if (deleted != null) {
			notice = "Webhook endpoint " + deleted + " is deleted with its delivery log: nothing more is sent to it.";
		}
		return page(partnerId, model, null, notice);
	}

	/**
	 * The new endpoint's secret is shown in this answer only, never in a URL or a
	 * redirect: the server keeps it encrypted and shows it nowhere else.
	 */
	@PostMapping("/dashboard/partners/{partnerId}/webhooks")
	String create(@PathVariable long partnerId, @RequestParam(required = false) String url,
			@RequestParam(required = false) List<String> events, @RequestParam(required = false) String description,
			@RequestParam(required = false) String mode, Model model, HttpServletResponse response) {
		try {
			if (events == null || events.isEmpty()) {
				throw new BadRequestException(NO_EVENTS);
			}
			CreatedWebhookEndpoint created = this.endpoints.create(partnerId, url, events, description,
					Mode.parse("mode", mode));
			model.addAttribute("newSecret", new NewSecret(created.id(), created.url(), created.secret(), null));
			return page(partnerId, model, null, null);
		}
		catch (ApiException ex) {
			if (ex instanceof NotFoundException) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("form",
					new EndpointForm(url, description, events == null ? List.of() : events, "test".equals(mode)));
			return page(partnerId, model, ex.getMessage(), null);
		}
	}

	@PostMapping("/dashboard/webhook-endpoints/{id}/test")
	String sendTest(@PathVariable long id, Model model, HttpServletResponse response) {
		try {
			WebhookDelivery delivery = this.endpoints.sendTest(null, id);
			return "redirect:/dashboard/webhook-endpoints/" + id + "/deliveries?sent=" + delivery.id();
		}
		catch (ApiException ex) {
			if (ex instanceof NotFoundException) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			return page(this.endpoints.get(null, id).partnerId(), model, ex.getMessage(), null);
		}
	}

	/** Like a new endpoint's, the new secret is shown in this answer only. */
	@PostMapping("/dashboard/webhook-endpoints/{id}/rotate-secret")
	String rotate(@PathVariable long id, Model model) {
		RotatedSecret rotated = this.endpoints.rotateSecret(null, id);
		WebhookEndpoint endpoint = this.endpoints.get(null, id);
		model.addAttribute("newSecret",
				new NewSecret(id, endpoint.url(), rotated.secret(), rotated.previousSecretUntil()));
		return page(endpoint.partnerId(), model, null, null);
	}

	@PostMapping("/dashboard/webhook-endpoints/{id}/disable")
	String disable(@PathVariable long id) {
		WebhookEndpoint endpoint = this.endpoints.setEnabled(null, id, false);
		return "redirect:/dashboard/partners/" + endpoint.partnerId() + "/webhooks?disabled=" + id + "#endpoint-" + id;
	}

	@PostMapping("/dashboard/webhook-endpoints/{id}/enable")
	String enable(@PathVariable long id) {
		WebhookEndpoint endpoint = this.endpoints.setEnabled(null, id, true);
		return "redirect:/dashboard/partners/" + endpoint.partnerId() + "/webhooks?enabled=" + id + "#endpoint-" + id;
	}

	@PostMapping("/dashboard/webhook-endpoints/{id}/delete")
	String delete(@PathVariable long id) {
		long partnerId = this.endpoints.get(null, id).partnerId();
		this.endpoints.delete(null, id);
		return "redirect:/dashboard/partners/" + partnerId + "/webhooks?deleted=" + id;
	}

	private String page(long partnerId, Model model, String error, String notice) {
		model.addAttribute("nav", "partners");
		model.addAttribute("partner", this.partners.get(partnerId));
		model.addAttribute("endpoints", this.endpoints.list(partnerId));
		model.addAttribute("eventTypes", WebhookEventType.wireNames());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new EndpointForm(null, null, WebhookEventType.wireNames(), false));
		}
		model.addAttribute("disableAfter", this.formats.duration(this.properties.disableAfter()));
		model.addAttribute("rotateConfirm",
				"Rotate the signing secret? The new one is shown once. The current one keeps signing too for "
						+ this.formats.duration(this.properties.rotationOverlap())
						+ ", so the partner can switch without losing a delivery.");
		model.addAttribute("error", error);
		model.addAttribute("notice", notice);
		return "dashboard/webhooks";
	}

	/** What the registration form holds: empty with every type ticked, or as sent. */
	record EndpointForm(String url, String description, List<String> events, boolean test) {

		public boolean ticked(String type) {
			return this.events.contains(type);
		}

	}

	/**
	 * A signing secret to show this once: a new endpoint's, or a rotated one's with until
	 * when the previous one also signs.
	 */
	record NewSecret(long endpointId, String url, String secret, Instant previousSecretUntil) {

		public boolean rotated() {
			return this.previousSecretUntil != null;
		}

		/** Without the secret, should the model ever be logged. */
		@Override
		public String toString() {
			return "NewSecret[endpointId=" + this.endpointId + ", secret=(not shown)]";
		}

	}

}
