package com.smartengage.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a read takes each scan time of its range from (ADR 0004): the rollup rows of its
 * {@code cover} (those of the screens {@code rolledUp}), plus the events of the
 * {@code raw} ranges, plus the events of the cover's scan times that the rollup step has
 * not added yet (both of the screens {@code events}). The rollup hours in
 * {@code rawHours} are read from their events instead of their rows.
 */
record ReadPlan(Cover cover, Screens rolledUp, Screens events, List<Range> raw, Set<Instant> rawHours) {

	private static final Duration HOUR = Duration.ofHours(1);

	/**
	 * A funnel. Every screen together: rollups by day and by hour, events for the minutes
	 * at the ends. One screen: its time buckets are rolled up by day only, so its hours
	 * come from its events too.
	 */
	static ReadPlan funnel(ScanRange range, Long screenId) {
		Slices slices = Slices.of(range.start(), range.end());
		Cover cover = screenId == null ? Cover.of(slices) : Cover.days(slices);
		Screens rolledUp = screenId == null ? Screens.TOGETHER : Screens.one(screenId);
		Screens events = screenId == null ? Screens.EACH : Screens.one(screenId);
		return new ReadPlan(cover, rolledUp, events, uncovered(slices, cover), Set.of());
	}

	/** A breakdown: rollups by day and by hour of every screen one by one. */
	static ReadPlan breakdown(ScanRange range) {
		Slices slices = Slices.of(range.start(), range.end());
		Cover cover = Cover.of(slices);
		return new ReadPlan(cover, Screens.EACH, Screens.EACH, uncovered(slices, cover), Set.of());
	}

	/**
	 * A time series: hourly rollups, except for the hours that straddle two periods (in a
	 * zone a half hour off UTC), which come from the events, in runs, with the minutes at
	 * the ends.
	 */
	static ReadPlan timeSeries(ScanRange range, Periods periods, Long screenId) {
		Instant start = range.start();
		Instant end = range.end();
		Instant firstHour = Slices.ceil(start, HOUR);
		Instant lastHour = Slices.floor(end, HOUR);
		List<Range> raw = new ArrayList<>();
		raw.add(new Range(start, firstHour));
		Set<Instant> straddles = new TreeSet<>();
		for (Instant hour = firstHour; hour.isBefore(lastHour); hour = hour.plus(HOUR)) {
			if (periods.indexOf(hour) != periods.indexOf(hour.plus(HOUR).minusNanos(1))) {
				straddles.add(hour);
				Range last = raw.get(raw.size() - 1);
				if (last.to().equals(hour)) {
					raw.set(raw.size() - 1, new Range(last.from(), hour.plus(HOUR)));
				}
				else {
					raw.add(new Range(hour, hour.plus(HOUR)));
				}
			}
		}
		raw.add(new Range(lastHour, end));
		Screens rolledUp = screenId == null ? Screens.TOGETHER : Screens.one(screenId);
		Screens events = screenId == null ? Screens.EACH : Screens.one(screenId);
		return new ReadPlan(Cover.hours(firstHour, lastHour), rolledUp, events, raw, straddles);
	}

	/** The scan times whose events not rolled up yet are read: those of the cover. */
	List<Range> pending() {
		return this.cover.ranges();
	}

	/**
	 * Whether the rollup hour holding {@code t} is read from its events, so that neither
	 * its row nor its pending events count.
	 */
	boolean isRawHour(Instant t) {
		return !this.rawHours.isEmpty() && this.rawHours.contains(Slices.floor(t, HOUR));
	}

	/** The parts of the slices that the cover's rollup rows do not hold. */
	private static List<Range> uncovered(Slices slices, Cover cover) {
		List<Range> covered = cover.ranges()
			.stream()
			.filter(Range::isNotEmpty)
			.sorted(Comparator.comparing(Range::from))
			.toList();
		List<Range> rest = new ArrayList<>();
		Instant at = slices.start();
		for (Range range : covered) {
			rest.add(new Range(at, range.from()));
			at = range.to();
		}
		rest.add(new Range(at, slices.end()));
		return rest;
	}

	/** A half-open range of scan times. */
	record Range(Instant from, Instant to) {

		boolean isNotEmpty() {
			return this.from.isBefore(this.to);
		}

	}

	/**
	 * The rollup rows a read takes: whole UTC days [dayFrom, dayTo) from the daily rows,
	 * whole hours [hourFrom, hourTo) and [moreHourFrom, moreHourTo) from the hourly ones.
	 */
	record Cover(Instant dayFrom, Instant dayTo, Instant hourFrom, Instant hourTo, Instant moreHourFrom,
			Instant moreHourTo) {

		/** Days, and the hours on either side of them. */
		static Cover of(Slices slices) {
			return new Cover(slices.firstDay(), slices.lastDay(), slices.firstHour(), slices.firstDay(),
					slices.lastDay(), slices.lastHour());
		}

		/** The whole days of the slices only. */
		static Cover days(Slices slices) {
			return new Cover(slices.firstDay(), slices.lastDay(), slices.end(), slices.end(), slices.end(),
					slices.end());
		}

		/** A run of whole hours only. */
		static Cover hours(Instant from, Instant to) {
			return new Cover(to, to, from, to, to, to);
		}

		/** The scan times the rows cover. */
		List<Range> ranges() {
			return List.of(new Range(this.hourFrom, this.hourTo), new Range(this.dayFrom, this.dayTo),
					new Range(this.moreHourFrom, this.moreHourTo));
		}

		/** The non-empty ranges with the grain of their rows. */
		List<Part> parts() {
			List<Part> parts = new ArrayList<>();
			for (Part part : List.of(new Part(1, new Range(this.hourFrom, this.hourTo)),
					new Part(24, new Range(this.dayFrom, this.dayTo)),
					new Part(1, new Range(this.moreHourFrom, this.moreHourTo)))) {
				if (part.range().isNotEmpty()) {
					parts.add(part);
				}
			}
			return parts;
		}

		boolean isEmpty() {
			return parts().isEmpty();
		}

		/** Rows of {@code hours} hours whose periods start in the range. */
		record Part(int hours, Range range) {
		}

	}

	/**
	 * Which screen_id values a read covers: 0 alone for the rows of every screen
	 * together, one screen, or every screen one by one.
	 */
	record Screens(long low, long high) {

		static final Screens TOGETHER = new Screens(0, 0);

		static final Screens EACH = new Screens(1, Long.MAX_VALUE);

		static Screens one(long screenId) {
			return new Screens(screenId, screenId);
		}

	}

}
