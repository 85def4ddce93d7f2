package com.smartengage.dashboard;

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
import com.smartengage.common.web.NotFoundException;
import com.smartengage.partner.PartnerService;
import com.smartengage.webhook.WebhookDelivery;
import com.smartengage.webhook.WebhookEndpoint;
import com.smartengage.webhook.WebhookEndpoints;

/**
 * An endpoint's delivery log, newest first, a page at a time; one delivery with its
 * payload and every attempt with the receiver's answer; retry. The endpoint itself is
 * {@link WebhookPagesController}'s.
 */
@Hidden
@Controller
class WebhookDeliveryPagesController {

	static final int PAGE_SIZE = 50;

	private final WebhookEndpoints endpoints;

	private final PartnerService partners;

	WebhookDeliveryPagesController(WebhookEndpoints endpoints, PartnerService partners) {
		this.endpoints = endpoints;
		this.partners = partners;
	}

	/**
	 * Deliveries older than {@code before_id}; one more than a page is read to tell
	 * whether there is an older page.
	 */
	@GetMapping("/dashboard/webhook-endpoints/{id}/deliveries")
	String log(@PathVariable long id, @RequestParam(name = "before_id", required = false) Long beforeId,
			@RequestParam(required = false) Long sent, Model model) {
		WebhookEndpoint endpoint = this.endpoints.get(null, id);
		List<WebhookDelivery> read = this.endpoints.deliveries(null, id, PAGE_SIZE + 1, beforeId);
		List<WebhookDelivery> shown = read.size() > PAGE_SIZE ? read.subList(0, PAGE_SIZE) : read;
		model.addAttribute("nav", "partners");
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("partner", this.partners.get(endpoint.partnerId()));
		model.addAttribute("deliveries", shown);
		model.addAttribute("beforeId", beforeId);
		model.addAttribute("olderBeforeId", read.size() > PAGE_SIZE ? shown.get(shown.size() - 1).id() : null);
		model.addAttribute("notice", sent == null ? null : "Test event queued as delivery " + sent
				+ ": it is usually sent within seconds. Reload to see what the endpoint answered.");
		return "dashboard/webhook-deliveries";
	}

	@GetMapping("/dashboard/webhook-deliveries/{id}")
	String delivery(@PathVariable long id, @RequestParam(required = false) String retried, Model model) {
		if (retried != null) {
			model.addAttribute("notice", "Delivery " + id
					+ " is queued to be sent again now, with the same webhook-id. Reload in a moment to see the attempt.");
		}
		return page(id, model);
	}

	@PostMapping("/dashboard/webhook-deliveries/{id}/retry")
	String retry(@PathVariable long id, Model model, HttpServletResponse response) {
		try {
			this.endpoints.retry(id);
			return "redirect:/dashboard/webhook-deliveries/" + id + "?retried";
		}
		catch (ApiException ex) {
			if (ex instanceof NotFoundException) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("error", ex.getMessage());
			return page(id, model);
		}
	}

	private String page(long id, Model model) {
		WebhookDelivery delivery = this.endpoints.delivery(id);
		WebhookEndpoint endpoint = this.endpoints.get(null, delivery.endpointId());
		model.addAttribute("nav", "partners");
		model.addAttribute("delivery", delivery);
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("partner", this.partners.get(endpoint.partnerId()));
		return "dashboard/webhook-delivery";
	}

}
