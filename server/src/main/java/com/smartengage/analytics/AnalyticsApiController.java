package com.smartengage.analytics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.smartengage.common.text.Ids;
import com.smartengage.common.web.BadRequestException;

/**
 * Admin API for a campaign's analytics: funnel, breakdown by screen, time series, and CSV
 * exports. Dates are inclusive days in {@code tz} (IANA, default UTC) and select sessions
 * by their scan time.
 */
@RestController
@Tag(name = "Admin: analytics")
@SecurityRequirement(name = "admin")
class AnalyticsApiController {

	private static final String CSV = "text/csv;charset=UTF-8";

	private final AnalyticsService analytics;

	private final AnalyticsExports exports;

	AnalyticsApiController(AnalyticsService analytics, AnalyticsExports exports) {
		this.analytics = analytics;
		this.exports = exports;
	}

	@GetMapping("/admin/api/campaigns/{id}/funnel")
	@Operation(summary = "A campaign's funnel",
			description = "Sessions scanned between from and to (inclusive dates in tz) that reached each step or went "
					+ "past it, conversions, failures beside the step they branched from, and the median and 90th "
					+ "percentile of the seconds from the scan to each step (exact below 100 s, then rounded down to "
					+ "two significant digits). format=csv answers the same as CSV.")
	@ApiResponse(responseCode = "200",
			content = { @Content(schema = @Schema(implementation = Funnel.class)), @Content(mediaType = "text/csv") })
	Funnel funnel(@PathVariable long id,
			@Parameter(description = "first day, e.g. 2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "last day, inclusive") @RequestParam(required = false) String to,
			@Parameter(description = "only scans of this screen") @RequestParam(name = "screen_id",
					required = false) Long screenId,
			@Parameter(description = "IANA time zone of the dates, default UTC") @RequestParam(
					required = false) String tz,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		Funnel funnel = this.analytics.funnel(id, from, to, screenId, tz);
		if (!csv(format)) {
			return funnel;
		}
		this.exports.funnel(funnel, csvResponse(response, "campaign-" + id + "-funnel.csv"));
		return null;
	}

	@GetMapping("/admin/api/campaigns/{id}/breakdown")
	@Operation(summary = "A campaign's funnel per screen",
			description = "One row per screen of the campaign (screens with a placement and no scans included), "
					+ "sorted by sort: screen, failures, a step name (its sessions) or a step name followed by "
					+ ".conversion (its conversion from the scan). format=csv answers the same as CSV.")
	@ApiResponse(responseCode = "200", content = { @Content(schema = @Schema(implementation = Breakdown.class)),
			@Content(mediaType = "text/csv") })
	Breakdown breakdown(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String tz,
			@Parameter(description = "column to sort by, default SCANNED") @RequestParam(required = false) String sort,
			@Parameter(description = "asc or desc; default desc (asc for screen)") @RequestParam(
					required = false) String order,
			@Parameter(description = "json (default) or csv") @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		Breakdown breakdown = this.analytics.breakdown(id, from, to, tz, sort, order);
		if (!csv(format)) {
			return breakdown;
		}
		this.exports.breakdown(breakdown, csvResponse(response, "campaign-" + id + "-breakdown.csv"));
		return null;
	}

	@GetMapping("/admin/api/campaigns/{id}/timeseries")
	@Operation(summary = "A campaign's sessions by hour or day of their scan",
			description = "Per hour or day in tz: the sessions scanned then and how many of them reached each step. "
					+ "Without dates: the last 30 days (interval=day) or today (interval=hour). At most 744 points.")
	TimeSeries timeSeries(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to,
			@RequestParam(name = "screen_id", required = false) Long screenId,
			@RequestParam(required = false) String tz,
			@Parameter(description = "hour or day (default)") @RequestParam(required = false) String interval) {
		return this.analytics.timeSeries(id, from, to, screenId, tz, interval);
	}

	@GetMapping(path = "/admin/api/campaigns/{id}/sessions.csv")
	@Operation(summary = "A campaign's sessions as CSV",
			description = "One line a session: id, screen, scan time, the time of each step, the failure step, "
					+ "the coupon and its issue and redemption times, in tz. Streamed: any number of sessions.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
	void sessions(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to,
			@RequestParam(name = "screen_id", required = false) Long screenId,
			@RequestParam(required = false) String tz, HttpServletResponse response) throws IOException {
		this.exports.checkSessions(id, from, to, tz);
		this.exports.sessions(id, from, to, screenId, tz, csvResponse(response, "campaign-" + id + "-sessions.csv"));
	}

	private static boolean csv(String format) {
		if (format == null || format.isBlank() || format.strip().equals("json")) {
			return false;
		}
		if (format.strip().equals("csv")) {
			return true;
		}
		throw new BadRequestException("format must be json or csv, not " + Ids.echo(format));
	}

	private static Writer csvResponse(HttpServletResponse response, String filename) throws IOException {
		response.setContentType(CSV);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
		return response.getWriter();
	}

}
