package com.smartengage.journey;

import java.net.URI;
import java.util.UUID;

/**
 * Builds the redirect to a partner's form: the configured URL with {@code session_id}
 * added to its query, its own query and fragment kept. The URL was validated when the
 * campaign was made and the id is a UUID, so nothing a shopper sends can reach the
 * Location header.
 */
final class FormRedirect {

	private FormRedirect() {
	}

	/**
	 * The Location header of the scan's 302: the form URL with the session id, non-ASCII
	 * characters percent-encoded.
	 */
	static String location(String formUrl, UUID sessionId) {
		return URI.create(withSessionId(formUrl, sessionId)).toASCIIString();
	}

	static String withSessionId(String formUrl, UUID sessionId) {
		int hash = formUrl.indexOf('#');
		String beforeFragment = hash < 0 ? formUrl : formUrl.substring(0, hash);
		String fragment = hash < 0 ? "" : formUrl.substring(hash);
		int question = beforeFragment.indexOf('?');
		String separator;
		if (question < 0) {
			separator = "?";
		}
		else if (question == beforeFragment.length() - 1 || beforeFragment.endsWith("&")) {
			separator = "";
		}
		else {
			separator = "&";
		}
		return beforeFragment + separator + "session_id=" + sessionId + fragment;
	}

}
