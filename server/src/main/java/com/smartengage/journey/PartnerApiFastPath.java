package com.smartengage.journey;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.FilterOrder;
import com.smartengage.partner.IdempotentRequests;
import com.smartengage.partner.PartnerPrincipal;
import com.smartengage.partner.PartnerRequests;

/**
 * The two busiest partner calls without Spring MVC: a status update without an
 * {@code Idempotency-Key}, and the session view. Like {@link ScanFastPath}, this filter
 * runs after the API key check and the rate limit, skips the handler mapping and the
 * argument and return value handling, and answers only the common case, a 200, with the
 * body {@link SessionCalls} makes for the controller too; a failure is left on the
 * request for {@link SessionApiController}, which rethrows it, so that every error answer
 * is still made in one place. Anything else (an {@code Idempotency-Key}, HEAD, a path
 * with more to it) goes on to the controller untouched.
 */
@Component
@Order(FilterOrder.PARTNER_API_FAST_PATH)
class PartnerApiFastPath extends OncePerRequestFilter {

	static final String UPDATE_PATH = "/smart-engage/post/update-session-status";

	static final String VIEW_PREFIX = "/smart-engage/get/session/";

	private final SessionCalls calls;

	private final PartnerRequests requests;

	private final boolean enabled;

	PartnerApiFastPath(SessionCalls calls, PartnerRequests requests, FastPathProperties properties) {
		this.calls = calls;
		this.requests = requests;
		this.enabled = properties.enabled();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.enabled || !isUpdate(request) && !isView(request);
	}

	private static boolean isUpdate(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && UPDATE_PATH.equals(ApiPaths.of(request))
				&& request.getHeader(IdempotentRequests.HEADER) == null;
	}

	/** A GET of one plain path segment, which is all a session id can be. */
	private static boolean isView(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		String path = ApiPaths.of(request);
		if (!path.startsWith(VIEW_PREFIX) || path.length() == VIEW_PREFIX.length()
				|| path.length() > VIEW_PREFIX.length() + 64) {
			return false;
		}
		for (int i = VIEW_PREFIX.length(); i < path.length(); i++) {
			char c = path.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request.getAttribute(PartnerPrincipal.ATTRIBUTE) instanceof PartnerPrincipal partner)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		String pattern;
		try {
			if (isUpdate(request)) {
				this.calls.update(partner, StatusUpdate.read(this.requests, request));
				body = this.calls.updatedJson();
				pattern = UPDATE_PATH;
			}
			else {
				body = this.calls.viewJson(partner, ApiPaths.of(request).substring(VIEW_PREFIX.length()));
				pattern = VIEW_PREFIX + "{sessionId}";
			}
		}
		catch (RuntimeException | IOException ex) {
			FastPathHandover.failed(request, ex);
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(pattern));
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
