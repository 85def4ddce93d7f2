package com.smartengage.campaign;

import java.time.Instant;

/** A partner's offer: where scans go, which flow the journey follows, when it runs. */
public record Campaign(long id, long partnerId, long flowId, String name, String formUrl, Instant startsAt,
		Instant endsAt, boolean paused, int sessionTtlMinutes, int couponValidDays, Instant createdAt) {

	/** Where the campaign stands at the given moment. */
	public State stateAt(Instant now) {
		if (this.endsAt != null && !now.isBefore(this.endsAt)) {
			return State.ENDED;
		}
		if (this.startsAt != null && now.isBefore(this.startsAt)) {
			return State.SCHEDULED;
		}
		return this.paused ? State.PAUSED : State.RUNNING;
	}

	public enum State {

		SCHEDULED, RUNNING, PAUSED, ENDED

	}

}
