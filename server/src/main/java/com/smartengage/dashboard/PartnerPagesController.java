package com.smartengage.dashboard;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.CampaignView;
import com.smartengage.common.web.ApiException;
import com.smartengage.partner.ApiKeyService;
import com.smartengage.partner.ApiKeyView;
import com.smartengage.partner.CreatedApiKey;
import com.smartengage.partner.Mode;
import com.smartengage.partner.Partner;
import com.smartengage.partner.PartnerService;

/** Partners and their API keys: create a partner, create a key (shown once), revoke. */
@Hidden
@Controller
class PartnerPagesController {

	private final PartnerService partners;

	private final ApiKeyService keys;

	private final CampaignService campaigns;

	PartnerPagesController(PartnerService partners, ApiKeyService keys, CampaignService campaigns) {
		this.partners = partners;
		this.keys = keys;
		this.campaigns = campaigns;
	}

	@GetMapping("/dashboard/partners")
	String list(@RequestParam(required = false) Long revoked, @RequestParam(required = false) Long created,
			Model model) {
		String notice = revoked != null ? "API key " + revoked + " is revoked: it stopped working at once."
				: created != null ? "Partner created. Create an API key for it below." : null;
		return page(model, null, null, notice);
	}

	@PostMapping("/dashboard/partners")
	String create(@RequestParam(required = false) String name, Model model, HttpServletResponse response) {
		try {
			Partner partner = this.partners.create(name);
			return "redirect:/dashboard/partners?created=" + partner.id() + "#partner-" + partner.id();
		}
		catch (ApiException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("name", name);
			return page(model, null, ex.getMessage(), null);
		}
	}

	/**
	 * The new key is shown in this answer only: it is not stored anywhere it could be
	 * shown again.
	 */
	@PostMapping("/dashboard/partners/{id}/api-keys")
	String createKey(@PathVariable long id, @RequestParam(required = false) String mode, Model model) {
		CreatedApiKey key = this.keys.create(id, Mode.parse("mode", mode));
		return page(model, key, null, null);
	}

	@PostMapping("/dashboard/api-keys/{id}/revoke")
	String revoke(@PathVariable long id) {
		ApiKeyView key = this.keys.get(id);
		this.keys.revoke(id);
		return "redirect:/dashboard/partners?revoked=" + id + "#partner-" + key.partnerId();
	}

	private String page(Model model, CreatedApiKey newKey, String error, String notice) {
		Map<Long, Long> campaignCounts = this.campaigns.list(null)
			.stream()
			.collect(Collectors.groupingBy(CampaignView::partnerId, Collectors.counting()));
		List<PartnerRow> rows = this.partners.list()
			.stream()
			.sorted((a, b) -> Long.compare(b.id(), a.id()))
			.map((partner) -> new PartnerRow(partner, this.keys.list(partner.id()),
					campaignCounts.getOrDefault(partner.id(), 0L)))
			.toList();
		model.addAttribute("nav", "partners");
		model.addAttribute("partners", rows);
		model.addAttribute("newKey", newKey);
		model.addAttribute("newKeyPartner",
				newKey == null ? null
						: rows.stream()
							.map(PartnerRow::partner)
							.collect(Collectors.toMap(Partner::id, Function.identity()))
							.get(newKey.partnerId()));
		model.addAttribute("error", error);
		model.addAttribute("notice", notice);
		return "dashboard/partners";
	}

	/** A partner with its keys (prefixes only) and how many campaigns it has. */
	record PartnerRow(Partner partner, List<ApiKeyView> keys, long campaigns) {

		public long activeKeys() {
			return this.keys.stream().filter(ApiKeyView::active).count();
		}

	}

}
