package com.smartengage.analytics;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A campaign's funnel per screen, one row each, sorted by the column {@code sort} names.
 * The steps of every row are in the order of {@code steps}.
 */
public record Breakdown(@JsonProperty("campaign_id") long campaignId, LocalDate from, LocalDate to, String tz,
		List<String> steps, String sort, String order, List<Row> rows) {

	/** One screen: the sessions scanned at it that reached each step, and failures. */
	public record Row(@JsonProperty("screen_id") long screenId, @JsonProperty("screen_name") String screenName,
			List<Count> steps, long failures) {

		/** The sessions of the row's first step, the scans. */
		public long scanned() {
			return this.steps.isEmpty() ? 0 : this.steps.get(0).sessions();
		}

	}

	/** Sessions that reached a step or went past it, and the conversions to it. */
	public record Count(String step, long sessions,
			@JsonProperty("conversion_from_previous") double conversionFromPrevious,
			@JsonProperty("conversion_from_scan") double conversionFromScan) {
	}

}
