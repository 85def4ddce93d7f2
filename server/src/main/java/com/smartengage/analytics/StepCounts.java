package com.smartengage.analytics;

import java.util.List;

/**
 * The sessions of a campaign that reached each step of its funnel or went past it, as its
 * {@link Funnel} counts them, without times, conversions or failures. {@code sessions}
 * follow the order of {@code steps}.
 */
public record StepCounts(long campaignId, List<String> steps, List<Long> sessions) {

	/**
	 * The sessions that reached the step or went past it; 0 for a step not in the funnel.
	 */
	public long sessions(String step) {
		int stage = this.steps.indexOf(step);
		return stage < 0 ? 0 : this.sessions.get(stage);
	}

}
