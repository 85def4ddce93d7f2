package com.smartengage.journey;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a fast path ({@link ScanFastPath}, {@link PartnerApiFastPath}) hands a request it
 * does not answer to its controller, on the request: a decision already taken (so the
 * controller does not take it again) or a failure (which the controller rethrows first
 * thing, so that the one exception handler answers it as a failure of its own).
 */
final class FastPathHandover {

	private static final String FAILURE = FastPathHandover.class.getName() + ".failure";

	private static final String DECISION = FastPathHandover.class.getName() + ".decision";

	private FastPathHandover() {
	}

	/** Leaves the fast path's failure on the request for the controller. */
	static void failed(HttpServletRequest request, Exception failure) {
		request.setAttribute(FAILURE, failure);
	}

	/** Rethrows a failure a fast path left on the request, if any. */
	static void rethrowFailure(HttpServletRequest request) throws IOException {
		Object failure = request.getAttribute(FAILURE);
		if (failure instanceof RuntimeException ex) {
			throw ex;
		}
		if (failure instanceof IOException ex) {
			throw ex;
		}
	}

	/** Leaves a decision the fast path took but does not answer. */
	static void decided(HttpServletRequest request, Object decision) {
		request.setAttribute(DECISION, decision);
	}

	/** The decision a fast path left on the request, or null. */
	static <T> T decision(HttpServletRequest request, Class<T> type) {
		Object decision = request.getAttribute(DECISION);
		return type.isInstance(decision) ? type.cast(decision) : null;
	}

}
