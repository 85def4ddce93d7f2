package com.smartengage.demo;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.CampaignView;
import com.smartengage.campaign.CreateCampaign;
import com.smartengage.campaign.PlacementService;
import com.smartengage.campaign.PlacementView;
import com.smartengage.partner.ApiKeyService;
import com.smartengage.partner.CreatedApiKey;
import com.smartengage.partner.Mode;
import com.smartengage.partner.Partner;
import com.smartengage.partner.PartnerService;
import com.smartengage.screen.Screen;
import com.smartengage.screen.ScreenService;

/**
 * {@code --demo}: seeds a demo partner, key, campaign, screen and placement, and prints
 * what the README's walkthrough needs, with a test key for its sandbox part. Running it
 * again reuses the demo partner and prints fresh keys.
 */
@Component
class DemoData implements ApplicationRunner {

	static final String SWITCH = "demo";

	static final String PARTNER_NAME = "Demo Partner";

	static final String NETWORK_CAMPAIGN = "Demo: mall network, two weeks of history";

	/** The screens of the network campaign, best converting first. */
	private static final List<String[]> NETWORK_SCREENS = List.of(
			new String[] { "Central Plaza, food court", "Level 3, next to the noodle bar" },
			new String[] { "Central Plaza, north entrance", "Ground floor" },
			new String[] { "Riverside Mall, cinema level", "Level 5, ticket hall" },
			new String[] { "Station concourse", "Platform 2 exit" });

	private static final String GENERATED_TOKEN = "smart-engage.demo.generated-admin-token";

	private final PartnerService partners;

	private final ApiKeyService keys;

	private final CampaignService campaigns;

	private final ScreenService screens;

	private final PlacementService placements;

	private final Environment environment;

	private final DemoHistory history;

	DemoData(PartnerService partners, ApiKeyService keys, CampaignService campaigns, ScreenService screens,
			PlacementService placements, Environment environment, DemoHistory history) {
		this.history = history;
		this.partners = partners;
		this.keys = keys;
		this.campaigns = campaigns;
		this.screens = screens;
		this.placements = placements;
		this.environment = environment;
	}

	/**
	 * Before start-up: with {@code --demo} and no admin token configured, makes one up
	 * for this run so that the walkthrough's admin calls work.
	 */
	static void prepare(SpringApplication application, String[] args) {
		boolean demo = List.of(args).contains("--" + SWITCH);
		String configured = System.getenv("SMART_ENGAGE_ADMIN_TOKEN");
		boolean tokenGiven = (configured != null && !configured.isBlank())
				|| List.of(args).stream().anyMatch((arg) -> arg.startsWith("--smart-engage.admin.token="))
				|| System.getProperty("smart-engage.admin.token") != null;
		if (demo && !tokenGiven) {
			byte[] token = new byte[24];
			new SecureRandom().nextBytes(token);
			String generated = HexFormat.of().formatHex(token);
			application.setDefaultProperties(Map.of("smart-engage.admin.token", generated, GENERATED_TOKEN, generated));
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption(SWITCH)) {
			return;
		}
		// Whatever an earlier run (or an operator) left of the demo is reused; the rest
		// is made.
		Partner partner = this.partners.list()
			.stream()
			.filter((p) -> p.name().equals(PARTNER_NAME))
			.findFirst()
			.orElseGet(() -> this.partners.create(PARTNER_NAME));
		CampaignView campaign = this.campaigns.list(partner.id())
			.stream()
			.findFirst()
			.orElseGet(() -> this.campaigns.create(new CreateCampaign(partner.id(), "Demo: free coffee",
					"https://example.com/demo-form?lang=en#start", null, 100, null, null, null, null, null)));
		PlacementView placement = this.placements.list(campaign.id()).stream().findFirst().orElseGet(() -> {
			Screen screen = this.screens.create("Demo screen", "Lobby, ground floor");
			return this.placements.create(campaign.id(), screen.id());
		});
		seedNetworkCampaign(partner);
		CreatedApiKey key = this.keys.create(partner.id());
		CreatedApiKey testKey = this.keys.create(partner.id(), Mode.TEST);
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		StringBuilder out = new StringBuilder();
		out.append("\n================ Smart Engage demo ================\n");
		out.append("Demo data is ready. Paste these lines into another shell:\n\n");
		out.append("  export BASE=").append(base).append('\n');
		String token = this.environment.getProperty("smart-engage.admin.token");
		// Only a token this run made up is printed; a configured one is a secret and
		// stays unsaid.
		if (token != null && token.equals(this.environment.getProperty(GENERATED_TOKEN))) {
			out.append("  export ADMIN_TOKEN=").append(token).append("   # made up for this run only\n");
		}
		else {
			out.append("  export ADMIN_TOKEN=\"$SMART_ENGAGE_ADMIN_TOKEN\"\n");
		}
		out.append("  export API_KEY=").append(key.apiKey()).append('\n');
		out.append("  export SCAN_URL=").append(base).append("/s/").append(placement.slug()).append('\n');
		out.append("  export TEST_API_KEY=").append(testKey.apiKey()).append('\n');
		out.append("  export CAMPAIGN_ID=").append(campaign.id()).append("\n\n");
		out.append("Then follow the walkthrough in README.md (start with: curl -i \"$SCAN_URL\").\n");
		out.append("Sandbox: the test key starts a session without a phone, then makes the same calls:\n");
		out.append("  curl -s -X POST \"$BASE/smart-engage/post/sandbox/scan\" -H \"API-KEY: $TEST_API_KEY\" \\\n");
		out.append("    -H \"Content-Type: application/json\" -d \"{\\\"campaign_id\\\": $CAMPAIGN_ID}\"\n");
		out.append("  # then update-session-status, engage-v3 (a TEST- code), get/session and redeem-coupon\n");
		out.append(
				"  # with -H \"API-KEY: $TEST_API_KEY\": README.md, \"Sandbox\". None of it counts in the analytics.\n");
		out.append("The dashboard: ").append(base).append("/dashboard (log in with the admin token).\n");
		out.append("===================================================\n");
		System.out.println(out);
	}

	/**
	 * A second campaign on four screens with two weeks of journeys, so that the analytics
	 * and the dashboard show something on the first run. Made once.
	 */
	private void seedNetworkCampaign(Partner partner) {
		boolean exists = this.campaigns.list(partner.id()).stream().anyMatch((c) -> c.name().equals(NETWORK_CAMPAIGN));
		if (exists) {
			return;
		}
		CampaignView campaign = this.campaigns.create(new CreateCampaign(partner.id(), NETWORK_CAMPAIGN,
				"https://example.com/demo-form?lang=en#start", null, 3000, null, null, null, null, null));
		List<PlacementView> placements = NETWORK_SCREENS.stream()
			.map((s) -> this.placements.create(campaign.id(), this.screens.create(s[0], s[1]).id()))
			.toList();
		this.history.write(campaign, placements, 2400);
	}

}
