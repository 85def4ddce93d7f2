package com.smartengage.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner API's answers as API-CONTRACT.md writes them, byte for byte: the bodies
 * partners compare against and the checks several suites share.
 */
public final class ApiAssertions {

	/** The body of a successful status update. */
	public static final String UPDATED = "{\"message\":\"Status updated successfully\"}";

	/** The body of a request whose {@code API-KEY} is missing, unknown or revoked. */
	public static final String INVALID_KEY = "{\"error_msg\":\"API-KEY is invalid\"}";

	private ApiAssertions() {
	}

	/** The status and the exact body {@code {"error_msg": "..."}}, nothing more. */
	public static void assertError(Http.Answer answer, int status, String message) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/json");
		assertThat(answer.body()).isEqualTo(Http.JSON.createObjectNode().put("error_msg", message).toString());
	}

	/** The contract's answer to a step the session has already reached or passed. */
	public static void assertAlreadyCompleted(Http.Answer answer, String sessionId) {
		assertError(answer, 400, "Action already completed for session_id: " + sessionId);
	}

}
