package com.smartengage.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for a campaign's analytics. */
@RestController
@Tag(name = "Admin: analytics")
@SecurityRequirement(name = "admin")
class AnalyticsApiController {

	private final AnalyticsService funnels;

	AnalyticsApiController(AnalyticsService funnels) {
		this.funnels = funnels;
	}

	@GetMapping("/admin/api/campaigns/{id}/funnel")
	@Operation(summary = "A campaign's funnel",
			description = "Sessions scanned between from and to (inclusive dates in tz) that reached each step or went past it.")
	Funnel funnel(@PathVariable long id,
			@Parameter(description = "first day, e.g. 2026-11-01") @RequestParam(required = false) String from,
			@Parameter(description = "last day, inclusive") @RequestParam(required = false) String to,
			@Parameter(description = "only scans of this screen") @RequestParam(name = "screen_id",
					required = false) Long screenId,
			@Parameter(description = "IANA time zone of the dates, default UTC") @RequestParam(
					required = false) String tz) {
		return this.funnels.funnel(id, from, to, screenId, tz);
	}

}
