package com.smartengage.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.smartengage.analytics.AnalyticsService;
import com.smartengage.analytics.StepCounts;
import com.smartengage.campaign.CampaignProperties;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.CampaignView;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.campaign.PlacementService;
import com.smartengage.campaign.PlacementView;
import com.smartengage.common.web.ApiException;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.partner.Partner;
import com.smartengage.partner.PartnerService;
import com.smartengage.screen.Screen;
import com.smartengage.screen.ScreenService;

/**
 * The campaign pages: the list with today's numbers, the new-campaign form, a campaign's
 * page (its numbers are drawn by its script from the data route), pause and resume, and
 * new placements (their QR codes: {@link PlacementPagesController}).
 */
@Hidden
@Controller
class CampaignPagesController {

	private final CampaignService campaigns;

	private final PartnerService partners;

	private final FlowService flows;

	private final PlacementService placements;

	private final ScreenService screens;

	private final AnalyticsService analytics;

	private final CampaignProperties campaignDefaults;

	private final Formats formats;

	private final Clock clock;

	CampaignPagesController(CampaignService campaigns, PartnerService partners, FlowService flows,
			PlacementService placements, ScreenService screens, AnalyticsService analytics,
			CampaignProperties campaignDefaults, Formats formats, Clock clock) {
		this.campaigns = campaigns;
		this.partners = partners;
		this.flows = flows;
		this.placements = placements;
		this.screens = screens;
		this.analytics = analytics;
		this.campaignDefaults = campaignDefaults;
		this.formats = formats;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	String list(Model model) {
		String today = this.formats.today(this.clock.instant()).toString();
		Map<Long, String> partnerNames = this.partners.list()
			.stream()
			.collect(Collectors.toMap(Partner::id, Partner::name));
		List<CampaignView> listed = this.campaigns.list(null)
			.stream()
			.sorted(Comparator.comparingLong(CampaignView::id).reversed())
			.toList();
		Map<String, Flow> flowsByName = this.flows.list()
			.stream()
			.collect(Collectors.toMap(Flow::name, Function.identity()));
		Map<Long, Flow> flowOf = new LinkedHashMap<>();
		listed.forEach((campaign) -> flowOf.put(campaign.id(),
				flowsByName.computeIfAbsent(campaign.flow(), this.flows::getByName)));
		Map<Long, StepCounts> counts = this.analytics.stepCounts(flowOf, today, today, this.formats.zoneName());
		List<CampaignRow> rows = listed.stream()
			.map((campaign) -> row(campaign, partnerNames.getOrDefault(campaign.partnerId(), "?"),
					flowOf.get(campaign.id()), counts.get(campaign.id())))
			.toList();
		model.addAttribute("nav", "campaigns");
		model.addAttribute("campaigns", rows);
		model.addAttribute("hasPartners", !partnerNames.isEmpty());
		model.addAttribute("totals", CampaignRow.total(rows));
		return "dashboard/campaigns";
	}

	@GetMapping("/dashboard/campaigns")
	String campaigns() {
		return "redirect:/dashboard";
	}

	@GetMapping("/dashboard/campaigns/new")
	String newCampaign(@RequestParam(name = "partner", required = false) Long partnerId, Model model) {
		return form(model, null, partnerId == null ? null : partnerId.toString(), null);
	}

	/** The form without its script: a plain post, answered by the new campaign's page. */
	@PostMapping("/dashboard/campaigns")
	String create(@ModelAttribute CampaignForm form, Model model, HttpServletResponse response) {
		try {
			CampaignView created = this.campaigns.create(form.toRequest(this.formats.zone()));
			return "redirect:/dashboard/campaigns/" + created.id() + "?created";
		}
		catch (ApiException ex) {
			response.setStatus(ex.status().value());
			return form(model, form, form.partnerId(), ex.getMessage());
		}
	}

	@GetMapping("/dashboard/campaigns/{id}")
	String campaign(@PathVariable long id, @RequestParam(required = false) String created, Model model) {
		CampaignView campaign = this.campaigns.getView(id);
		Flow flow = this.flows.getByName(campaign.flow());
		Map<Long, Screen> screensById = this.screens.list()
			.stream()
			.collect(Collectors.toMap(Screen::id, Function.identity()));
		List<PlacementRow> placed = this.placements.list(id)
			.stream()
			.map((p) -> new PlacementRow(p, screensById.get(p.screenId())))
			.toList();
		Set<Long> placedScreens = placed.stream().map((p) -> p.placement().screenId()).collect(Collectors.toSet());
		LocalDate today = this.formats.today(this.clock.instant());
		model.addAttribute("nav", "campaigns");
		model.addAttribute("campaign", campaign);
		model.addAttribute("partner", this.partners.get(campaign.partnerId()));
		model.addAttribute("flow", flow);
		model.addAttribute("placements", placed);
		model.addAttribute("freeScreens",
				screensById.values()
					.stream()
					.filter((s) -> !placedScreens.contains(s.id()))
					.sorted(Comparator.comparing(Screen::name, String.CASE_INSENSITIVE_ORDER))
					.toList());
		model.addAttribute("hasScreens", !screensById.isEmpty());
		model.addAttribute("from", today.minusDays(29));
		model.addAttribute("to", today);
		model.addAttribute("created", created != null);
		return "dashboard/campaign";
	}

	@PostMapping("/dashboard/campaigns/{id}/pause")
	String pause(@PathVariable long id) {
		this.campaigns.setPaused(id, true);
		return "redirect:/dashboard/campaigns/" + id;
	}

	@PostMapping("/dashboard/campaigns/{id}/resume")
	String resume(@PathVariable long id) {
		this.campaigns.setPaused(id, false);
		return "redirect:/dashboard/campaigns/" + id;
	}

	@PostMapping("/dashboard/campaigns/{id}/placements")
	String place(@PathVariable long id, @RequestParam(name = "screen_id", required = false) Long screenId, Model model,
			HttpServletResponse response) {
		try {
			PlacementView placement = this.placements.create(id, screenId);
			return "redirect:/dashboard/campaigns/" + id + "#placement-" + placement.slug();
		}
		catch (ApiException ex) {
			if (ex instanceof NotFoundException) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("placementError", ex.getMessage());
			return campaign(id, null, model);
		}
	}

	private String form(Model model, CampaignForm form, String partnerId, String error) {
		model.addAttribute("nav", "campaigns");
		model.addAttribute("partners",
				this.partners.list()
					.stream()
					.sorted(Comparator.comparing(Partner::name, String.CASE_INSENSITIVE_ORDER))
					.toList());
		model.addAttribute("flows", this.flows.list());
		model.addAttribute("form", form);
		model.addAttribute("partnerId", partnerId);
		model.addAttribute("error", error);
		model.addAttribute("defaults", this.campaignDefaults);
		return "dashboard/campaign-new";
	}

	private static CampaignRow row(CampaignView campaign, String partner, Flow flow, StepCounts today) {
		return new CampaignRow(campaign, partner, today.sessions(Flow.SCANNED), today.sessions(flow.rewardStep()),
				today.sessions(Flow.COUPON_ISSUED));
	}

	/** A campaign in the list, with the numbers of the sessions scanned today. */
	record CampaignRow(CampaignView campaign, String partner, long scansToday, long approvedToday, long couponsToday) {

		static CampaignRow total(List<CampaignRow> rows) {
			long total = 0;
			long issued = 0;
			long redeemed = 0;
			long left = 0;
			long scans = 0;
			long approved = 0;
			long coupons = 0;
			for (CampaignRow row : rows) {
				total += row.campaign().coupons().total();
				issued += row.campaign().coupons().issued();
				redeemed += row.campaign().coupons().redeemed();
				left += row.campaign().coupons().left();
				scans += row.scansToday();
				approved += row.approvedToday();
				coupons += row.couponsToday();
			}
			return new CampaignRow(new CampaignView(0, 0, "All campaigns", null, null, null, null, false, null, 0, 0,
					null, new CampaignView.Coupons(total, issued, redeemed, left)), null, scans, approved, coupons);
		}

		/** Share of the pool already handed out, in percent, for the meter. */
		public long poolUsedPercent() {
			CampaignView.Coupons coupons = this.campaign.coupons();
			return coupons.total() == 0 ? 0 : Math.round(100.0 * coupons.issued() / coupons.total());
		}

	}

	/** A placement and the screen it is on. */
	record PlacementRow(PlacementView placement, Screen screen) {
	}

}
