package com.smartengage.journey;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a fast path ({@link ScanFastPath}, {@link PartnerApiFastPath}) hands a failure to
 * its controller: left on the request, rethrown by the controller first thing, so that
 * the one exception handler answers it as a failure of the controller's own.
 */
final class FastPathFailures {

	private static final String ATTRIBUTE = FastPathFailures.class.getName();

	private FastPathFailures() {
	}

	/** Leaves the fast path's failure on the request for the controller. */
	static void handOver(HttpServletRequest request, Exception failure) {
		request.setAttribute(ATTRIBUTE, failure);
	}

	/** Rethrows a failure a fast path left on the request, if any. */
	static void rethrow(HttpServletRequest request) throws IOException {
		Object failure = request.getAttribute(ATTRIBUTE);
		if (failure instanceof RuntimeException ex) {
			throw ex;
		}
		if (failure instanceof IOException ex) {
			throw ex;
		}
	}

}
