package com.smartengage.journey;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import com.smartengage.partner.PartnerPrincipal;

/**
 * The partner API's two busiest calls, answered in one place for
 * {@link PartnerApiFastPath} (the common case) and {@link SessionApiController} (the
 * rest): the status update and the session view, and the bodies of their 200s.
 */
@Component
class SessionCalls {

	/** The status update's answer, as the contract words it. */
	static final Map<String, String> UPDATED = Map.of("message", "Status updated successfully");

	private final SessionService sessions;

	private final JsonMapper json;

	private final byte[] updatedJson;

	SessionCalls(SessionService sessions, JsonMapper json) {
		this.sessions = sessions;
		this.json = json;
		this.updatedJson = json.writeValueAsBytes(UPDATED);
	}

	/** Moves the caller's session on; the answer is {@link #UPDATED}. */
	void update(PartnerPrincipal partner, StatusUpdate update) {
		this.sessions.advance(partner, update.sessionId(), update.newStatus());
	}

	/** {@link #UPDATED} as JSON; shared, written out as it is and never changed. */
	byte[] updatedJson() {
		return this.updatedJson;
	}

	/** The session view's 200 body: the caller's session as JSON. */
	byte[] viewJson(PartnerPrincipal partner, String sessionId) {
		return this.json.writeValueAsBytes(this.sessions.view(partner, sessionId));
	}

}
