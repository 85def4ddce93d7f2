package com.smartengage.common.web;

import org.springframework.core.Ordered;

/**
 * The order of every servlet filter of the server, in one place, each with the reason for
 * its place; lower runs first. Spring Boot's own, for reference: the character encoding
 * filter at {@link Ordered#HIGHEST_PRECEDENCE} (before anything reads a parameter), the
 * observation filter that times requests one after it, the form content filter at -9900
 * and the {@code RequestContextFilter} at -105.
 */
public final class FilterOrder {

	private static final int FIRST = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * The request id goes on every answer and into the log's context: first of all, so
	 * that every refusal and every log line of the request carry it.
	 */
	public static final int REQUEST_ID = FIRST + 5;

	/** Security headers go on every answer, refusals included: ahead of every refusal. */
	public static final int SECURITY_HEADERS = FIRST + 10;

	/** The scans' rate limit: ahead of the scan's fast path, which it protects. */
	public static final int SCAN_RATE_LIMIT = FIRST + 15;

	/**
	 * Authentication of each API (the partner API's key and its rate limit, the admin
	 * token, the metrics token) and the dashboard login's rate limit. Each of these
	 * filters looks at paths no other one does, so they share a place; they come before
	 * anything that reads a request's parameters or body, since the contract checks the
	 * key before anything else.
	 */
	public static final int AUTHENTICATION = FIRST + 20;

	/**
	 * The scan's fast path: after its rate limit, and ahead of Spring's request context,
	 * which it does not need.
	 */
	public static final int SCAN_FAST_PATH = FIRST + 21;

	/**
	 * Parameters Tomcat cannot decode are refused here: after authentication, before the
	 * dashboard's filter, which reads its CSRF field as a parameter.
	 */
	public static final int MALFORMED_PARAMETERS = FIRST + 25;

	/** The dashboard's session and CSRF checks. */
	public static final int DASHBOARD_AUTHENTICATION = FIRST + 30;

	/**
	 * The partner API's fast path: after the API key check and its rate limit, and after
	 * Spring's {@code RequestContextFilter} (-105), since the session view's coupon URL
	 * is made from the current request when no public URL is set.
	 */
	public static final int PARTNER_API_FAST_PATH = -100;

	private FilterOrder() {
	}

}
