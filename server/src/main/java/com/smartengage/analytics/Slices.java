package com.smartengage.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A range of scan times cut into what reads it fastest: whole UTC days from the daily
 * rollups, whole hours around them from the hourly rollups, and the minutes at either end
 * (when a time zone is not a whole number of hours from UTC) from the events themselves.
 * Each part is a half-open range; an empty one has {@code start == end}.
 */
record Slices(Instant start, Instant firstHour, Instant firstDay, Instant lastDay, Instant lastHour, Instant end) {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	static Slices of(Instant start, Instant end) {
		Instant firstHour = ceil(start, HOUR);
		Instant lastHour = floor(end, HOUR);
		if (!firstHour.isBefore(lastHour)) {
			return new Slices(start, end, end, end, end, end);
		}
		Instant firstDay = ceil(firstHour, DAY);
		Instant lastDay = floor(lastHour, DAY);
		if (!firstDay.isBefore(lastDay)) {
			return new Slices(start, firstHour, lastHour, lastHour, lastHour, end);
		}
		return new Slices(start, firstHour, firstDay, lastDay, lastHour, end);
	}

	static Instant floor(Instant t, Duration unit) {
		long seconds = unit.toSeconds();
		return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
	}

	static Instant ceil(Instant t, Duration unit) {
		Instant floor = floor(t, unit);
		return floor.equals(t.truncatedTo(ChronoUnit.SECONDS)) && t.getNano() == 0 ? floor : floor.plus(unit);
	}

}
