package com.smartengage.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.smartengage.common.web.BadRequestException;

/**
 * The hours or days of a time series in its time zone: where each starts, and which one
 * holds a scan time.
 */
record Periods(boolean hourly, List<Instant> starts) {

	/** At most this many points in a time series. */
	static final int MAX_POINTS = 24 * 31;

	private static final Duration HOUR = Duration.ofHours(1);

	/**
	 * The start of every hour or day of a range with both dates set, in its zone; a 400
	 * when there are more than {@value #MAX_POINTS}.
	 */
	static Periods of(ScanRange range, boolean hourly) {
		List<Instant> starts = new ArrayList<>();
		if (hourly) {
			for (Instant t = range.start(); t.isBefore(range.end()) && starts.size() <= MAX_POINTS; t = t.plus(HOUR)) {
				starts.add(t);
			}
		}
		else {
			for (LocalDate day = range.from(); !day.isAfter(range.to())
					&& starts.size() <= MAX_POINTS; day = day.plusDays(1)) {
				starts.add(day.atStartOfDay(range.zone()).toInstant());
			}
		}
		if (starts.size() > MAX_POINTS) {
			throw new BadRequestException("A time series holds at most " + MAX_POINTS + " points; this range has "
					+ starts.size() + (hourly ? " hours: use interval=day or a shorter range" : " days"));
		}
		return new Periods(hourly, starts);
	}

	/** {@code hour} or {@code day}, as the answer names it. */
	String interval() {
		return this.hourly ? "hour" : "day";
	}

	int size() {
		return this.starts.size();
	}

	/** The index of the period holding {@code t}. */
	int indexOf(Instant t) {
		int low = 0;
		int high = this.starts.size() - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (this.starts.get(mid).isAfter(t)) {
				high = mid - 1;
			}
			else {
				low = mid;
			}
		}
		return low;
	}

}
