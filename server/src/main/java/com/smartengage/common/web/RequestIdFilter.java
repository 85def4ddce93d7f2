package com.smartengage.common.web;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every answer an {@value #HEADER}: the one the client sent when it is a plain
 * token (so that a partner can follow its own ids through our logs), else a new random
 * one. The id is in the log's MDC as {@value #MDC_KEY} while the request is served, so
 * the lines logged for a request name it, and a partner who quotes it to support points
 * at exactly those lines.
 */
@Component
@Order(FilterOrder.REQUEST_ID)
class RequestIdFilter extends OncePerRequestFilter {

	/** The header, on every answer; accepted on requests too. */
	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "request_id";

	private static final int MAX_LENGTH = 64;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = accepted(request.getHeader(HEADER));
		if (id == null) {
			id = newId();
		}
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * The client's id if it is 1 to 64 letters, digits, dots, dashes, underscores,
	 * colons.
	 */
	static String accepted(String given) {
		if (given == null || given.isEmpty() || given.length() > MAX_LENGTH) {
			return null;
		}
		for (int i = 0; i < given.length(); i++) {
			char c = given.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
					|| c == '.' || c == ':')) {
				return null;
			}
		}
		return given;
	}

	/** 128 random bits as 32 hex digits; not a secret, so no need for SecureRandom. */
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return hex(random.nextLong()) + hex(random.nextLong());
	}

	private static String hex(long value) {
		String digits = Long.toHexString(value);
		return "0".repeat(16 - digits.length()) + digits;
	}

}
