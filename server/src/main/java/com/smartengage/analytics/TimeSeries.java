package com.smartengage.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sessions by the hour or day of their scan: per period, how many were scanned and how
 * many of them reached each step. {@code sessions} of a point follow the order of
 * {@code steps}.
 */
public record TimeSeries(@JsonProperty("campaign_id") long campaignId, LocalDate from, LocalDate to, String tz,
		@JsonProperty("screen_id") Long screenId, String interval, List<String> steps, List<Point> points) {

	/** One hour or day, starting at {@code start} in the series' time zone. */
	public record Point(OffsetDateTime start, List<Long> sessions) {
	}

}
