package com.smartengage.analytics;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A campaign's funnel: how many sessions reached each step, and how fast. */
public record Funnel(@JsonProperty("campaign_id") long campaignId, LocalDate from, LocalDate to, String tz,
		@JsonProperty("screen_id") Long screenId, List<Step> steps, List<Failure> failures) {

	/**
	 * One step of the funnel. Seconds are null where no session reached the step.
	 */
	public record Step(String step, long sessions,
			@JsonProperty("conversion_from_previous") double conversionFromPrevious,
			@JsonProperty("conversion_from_scan") double conversionFromScan,
			@JsonProperty("median_seconds_from_scan") Double medianSecondsFromScan,
			@JsonProperty("p90_seconds_from_scan") Double p90SecondsFromScan) {
	}

	/** Sessions that ended in a failure step, and the step they branched from. */
	public record Failure(String step, long sessions, @JsonProperty("after_step") String afterStep) {
	}

}
