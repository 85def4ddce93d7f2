package com.smartengage.common.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.smartengage.common.text.Ids;

/**
 * Refuses a request whose query string or form body Tomcat cannot decode (a broken
 * {@code %}-escape, bytes that are not UTF-8, too many parameters) with a 400, before
 * anything else reads its parameters.
 * <p>
 * Tomcat parses parameters on their first read and throws an exception whose message
 * quotes the offending parameter, value included. Left to whichever code reads them first
 * (Actuator, Spring MVC's argument resolvers, a controller), that was a 500, a stack
 * trace and the value in the log: an API key sent as {@code ?apikey=..%ff} ended up
 * there. Here the parameters are read once, up front, and a failure is answered and
 * logged in one line that names no parameter and no value.
 * <p>
 * Only requests that carry a query string or a form body are parsed, so the hot paths (a
 * scan without a query, a JSON body) pay one header look-up.
 */
@Component
@Order(FilterOrder.MALFORMED_PARAMETERS)
class MalformedParametersFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedParametersFilter.class);

	static final String MALFORMED = "Query string or form body could not be read: "
			+ "it has a broken %-escape or bytes that are not UTF-8";

	static final String TOO_LARGE = "Form body is too large";

	private final MessagePages pages;

	MalformedParametersFilter(MessagePages pages) {
		this.pages = pages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = isForm(request.getContentType());
		// The partner API reads its body as JSON whatever the Content-Type (curl's -d
		// sends
		// a form type): reading it as form parameters here would consume it. Its query
		// string is checked only when that leaves the body alone.
		boolean partner = ApiPaths.of(request).startsWith(ApiPaths.PARTNER_PREFIX);
		boolean check = partner ? request.getQueryString() != null && !form : request.getQueryString() != null || form;
		if (check) {
			try {
				request.getParameterMap();
			}
			catch (IllegalStateException ex) {
				refuse(request, response, ex);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, IllegalStateException ex)
			throws IOException {
		String path = ApiPaths.of(request);
		if (ClientDisconnects.isDisconnect(ex)) {
			log.debug("Client hung up while sending the form body of {} {}", request.getMethod(), path);
			return;
		}
		boolean tooLarge = ex instanceof InvalidParameterException invalid
				&& invalid.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
		HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		// Tomcat's message quotes the parameter and its value, which may be a secret:
		// the log gets neither.
		log.info("Refused {} {} with {}: its query string or form body could not be decoded", request.getMethod(),
				Ids.echo(path), status.value());
		this.pages.write(response, path, status, tooLarge ? TOO_LARGE : MALFORMED);
	}

	private static boolean isForm(String contentType) {
		// Generous on purpose: whatever Tomcat might read as a form counts as one.
		return contentType != null
				&& contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

}
