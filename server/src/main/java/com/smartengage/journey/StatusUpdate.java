package com.smartengage.journey;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import com.smartengage.partner.PartnerRequests;

/**
 * The body of {@code update-session-status}, read the one way both the controller and
 * {@link PartnerApiFastPath} read it.
 */
record StatusUpdate(String sessionId, String newStatus) {

	static StatusUpdate read(PartnerRequests requests, HttpServletRequest request) throws IOException {
		JsonNode body = requests.readObject(request, "session_id and new_status");
		return new StatusUpdate(PartnerRequests.requiredText(body, "session_id"),
				PartnerRequests.requiredText(body, "new_status"));
	}

}
