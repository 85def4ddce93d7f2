package com.smartengage.dashboard;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.smartengage.analytics.AnalyticsExports;
import com.smartengage.analytics.AnalyticsService;

/**
 * The campaign page's CSV export buttons: sessions (streamed), funnel and breakdown by
 * screen, for the range the page shows.
 */
@Hidden
@Controller
class CampaignExportsController {

	private static final String CSV = "text/csv";

	private final AnalyticsService analytics;

	private final AnalyticsExports exports;

	private final Formats formats;

	CampaignExportsController(AnalyticsService analytics, AnalyticsExports exports, Formats formats) {
		this.analytics = analytics;
		this.exports = exports;
		this.formats = formats;
	}

	@GetMapping("/dashboard/campaigns/{id}/sessions.csv")
	void sessions(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			@RequestParam(name = "screen_id", required = false) Long screenId, HttpServletResponse response)
			throws IOException {
		String zone = zone(tz);
		this.exports.checkSessions(id, from, to, zone);
		this.exports.sessions(id, from, to, screenId, zone, csv(response, "campaign-" + id + "-sessions.csv"));
	}

	@GetMapping("/dashboard/campaigns/{id}/funnel.csv")
	void funnel(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			@RequestParam(name = "screen_id", required = false) Long screenId, HttpServletResponse response)
			throws IOException {
		this.exports.funnel(this.analytics.funnel(id, from, to, screenId, zone(tz)),
				csv(response, "campaign-" + id + "-funnel.csv"));
	}

	@GetMapping("/dashboard/campaigns/{id}/breakdown.csv")
	void breakdown(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String order,
			HttpServletResponse response) throws IOException {
		this.exports.breakdown(this.analytics.breakdown(id, from, to, zone(tz), sort, order),
				csv(response, "campaign-" + id + "-breakdown.csv"));
	}

	private String zone(String tz) {
		return tz == null || tz.isBlank() ? this.formats.zoneName() : tz;
	}

	private static Writer csv(HttpServletResponse response, String filename) throws IOException {
		response.setContentType(CSV);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
		return response.getWriter();
	}

}
