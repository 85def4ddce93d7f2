package com.smartengage.journey;

import org.springframework.http.HttpStatus;

/** What a scan answers: the redirect to the form, or a page. */
sealed interface ScanOutcome {

	/** A new session: 302 to the partner's form. */
	record Redirect(String location) implements ScanOutcome {
	}

	/**
	 * A friendly page and no session: an unknown code, a campaign not running, a bot or a
	 * HEAD request.
	 *
	 * @param retryAfterSeconds the Retry-After header's value, or null for none
	 */
	record Page(HttpStatus status, String title, String message, Long retryAfterSeconds) implements ScanOutcome {
	}

}
