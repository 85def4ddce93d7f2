package com.smartengage.campaign;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ordered list of journey steps. Index 0 is always {@link #SCANNED}; forward steps
 * follow at 1..n. A failure step can be reached from any step before the end and ends the
 * journey.
 */
public record Flow(long id, String name, List<String> steps, @JsonProperty("failure_steps") List<String> failureSteps,
		@JsonProperty("reward_step") String rewardStep, @JsonProperty("built_in") boolean builtIn) {

	/** The first step of every session: the scan itself. */
	public static final String SCANNED = "SCANNED";

	/** The funnel stage of {@link #SCANNED}; the forward steps follow at 1..n. */
	public static final int SCANNED_STAGE = 0;

	/**
	 * The stage after every forward step: the session's coupon was issued (see
	 * {@link #couponIssuedStage()}).
	 */
	public static final String COUPON_ISSUED = "COUPON_ISSUED";

	/** The last stage: the session's coupon was redeemed at the till. */
	public static final String COUPON_REDEEMED = "COUPON_REDEEMED";

	/** The built-in flow, used when a campaign names none. */
	public static final String FILL_FORM = "FILL_FORM";

	/** The step index of a forward step (SCANNED is 0), or -1 when it is not one. */
	public int indexOf(String step) {
		if (SCANNED.equals(step)) {
			return 0;
		}
		int i = this.steps.indexOf(step);
		return i < 0 ? -1 : i + 1;
	}

	public boolean isFailure(String step) {
		return this.failureSteps.contains(step);
	}

	public boolean hasStep(String step) {
		return indexOf(step) >= 0 || isFailure(step);
	}

	@JsonIgnore
	public int rewardIndex() {
		return indexOf(this.rewardStep);
	}

	@JsonIgnore
	public int lastIndex() {
		return this.steps.size();
	}

	/**
	 * The funnel stage of a coupon issued: after every forward step, so that a session
	 * holding a coupon counts as having passed them all.
	 */
	@JsonIgnore
	public int couponIssuedStage() {
		return this.steps.size() + 1;
	}

	/** The funnel stage of a coupon redeemed, the last one. */
	@JsonIgnore
	public int couponRedeemedStage() {
		return this.steps.size() + 2;
	}

	/** Every step a partner may name, in order, for error sentences. */
	@JsonIgnore
	public String describeSteps() {
		StringBuilder out = new StringBuilder();
		this.steps.forEach((step) -> out.append(out.isEmpty() ? "" : ", ").append(step));
		this.failureSteps.forEach((step) -> out.append(", ").append(step));
		return out.toString();
	}

}
