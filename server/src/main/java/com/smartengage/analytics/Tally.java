package com.smartengage.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one slice of a funnel (a campaign, a screen, a period): the sessions that
 * reached each stage, how long after the scan they reached it (by time bucket), and the
 * sessions that ended at a failure step, by the stage they branched from. Filled from
 * rollup rows and from journey events alike, so both add up the same way.
 */
final class Tally {

	private final long[] reached;

	private final List<TreeMap<Long, Long>> times;

	private final Map<FailureKey, Long> failures = new LinkedHashMap<>();

	Tally(int stages) {
		this.reached = new long[stages];
		this.times = new ArrayList<>(stages);
		for (int i = 0; i < stages; i++) {
			this.times.add(new TreeMap<>());
		}
	}

	int stages() {
		return this.reached.length;
	}

	/**
	 * Adds a journey event that passed the stages after {@code from} up to {@code to}
	 * ({@code to} is -1 for a failure step) {@code seconds} after the scan.
	 */
	void event(String step, int from, int to, long seconds) {
		if (to < 0) {
			failure(step, from, 1);
			return;
		}
		long bucket = TimeBuckets.of(seconds);
		for (int stage = Math.max(0, from + 1); stage <= Math.min(to, this.reached.length - 1); stage++) {
			this.reached[stage]++;
			this.times.get(stage).merge(bucket, 1L, Long::sum);
		}
	}

	/**
	 * Adds sessions that passed the stages after {@code from} up to {@code to}, without
	 * their times.
	 */
	void passed(int from, int to, long sessions) {
		for (int stage = Math.max(0, from + 1); stage <= Math.min(to, this.reached.length - 1); stage++) {
			this.reached[stage] += sessions;
		}
	}

	void reached(int stage, long sessions) {
		if (stage >= 0 && stage < this.reached.length) {
			this.reached[stage] += sessions;
		}
	}

	void time(int stage, long bucket, long sessions) {
		if (stage >= 0 && stage < this.reached.length) {
			this.times.get(stage).merge(bucket, sessions, Long::sum);
		}
	}

	void failure(String step, int afterStage, long sessions) {
		this.failures.merge(new FailureKey(step, afterStage), sessions, Long::sum);
	}

	void add(Tally other) {
		for (int i = 0; i < this.reached.length; i++) {
			int stage = i;
			this.reached[stage] += other.reached[stage];
			other.times.get(stage).forEach((bucket, n) -> time(stage, bucket, n));
		}
		other.failures.forEach((key, n) -> this.failures.merge(key, n, Long::sum));
	}

	long reached(int stage) {
		return this.reached[stage];
	}

	/** The sessions that reached each stage, in stage order. */
	List<Long> sessions() {
		List<Long> sessions = new ArrayList<>(this.reached.length);
		for (long n : this.reached) {
			sessions.add(n);
		}
		return sessions;
	}

	/**
	 * The sessions that reached each stage, named by {@code stages}, with the conversion
	 * from the stage before (1 for the first) and from the scan (stage 0).
	 */
	List<Breakdown.Count> counts(List<String> stages) {
		List<Breakdown.Count> counts = new ArrayList<>(stages.size());
		for (int stage = 0; stage < stages.size(); stage++) {
			long sessions = this.reached[stage];
			long previous = stage == 0 ? sessions : this.reached[stage - 1];
			counts.add(new Breakdown.Count(stages.get(stage), sessions, ratio(sessions, previous),
					ratio(sessions, this.reached[0])));
		}
		return counts;
	}

	long failed() {
		return this.failures.values().stream().mapToLong(Long::longValue).sum();
	}

	Map<FailureKey, Long> failures() {
		return this.failures;
	}

	/**
	 * The p-th percentile of the time to a stage, interpolated between the closest ranks
	 * as SQL's percentile_cont and rounded to the millisecond; null when no session
	 * reached it.
	 */
	Double percentile(int stage, double p) {
		TreeMap<Long, Long> histogram = this.times.get(stage);
		long total = histogram.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return null;
		}
		double rank = p * (total - 1);
		long low = (long) Math.floor(rank);
		long high = (long) Math.ceil(rank);
		double lowValue = valueAtRank(histogram, low);
		double highValue = valueAtRank(histogram, high);
		// To the millisecond: enough for seconds, and no float noise such as 3319.9999.
		return Math.round((lowValue + (highValue - lowValue) * (rank - low)) * 1000) / 1000.0;
	}

	private static double ratio(long part, long whole) {
		return whole == 0 ? 0.0 : (double) part / whole;
	}

	private static long valueAtRank(TreeMap<Long, Long> histogram, long rank) {
		long seen = 0;
		for (Map.Entry<Long, Long> entry : histogram.entrySet()) {
			seen += entry.getValue();
			if (rank < seen) {
				return entry.getKey();
			}
		}
		return histogram.lastKey();
	}

	/** A failure step and the stage the sessions had reached before it. */
	record FailureKey(String step, int afterStage) {
	}

}
