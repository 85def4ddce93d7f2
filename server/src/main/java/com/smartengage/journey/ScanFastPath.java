package com.smartengage.journey;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.FilterOrder;

/**
 * The scan's common case without Spring MVC: a shopper's GET of a plain slug takes the
 * scan's one decision ({@link Scans}) here, after the security headers and the rate
 * limit, and a redirect is answered at once, skipping the handler mapping and the
 * argument and return value handling, which cost more than the scan's own work. Any other
 * outcome (a page: an unknown code, a campaign not running, a bot) is left on the request
 * for {@link ScanController} to render, and so is a failure, which the controller
 * rethrows, so that every answer but the 302 is made in one place. HEAD and paths that
 * are not a plain slug go to the controller undecided.
 */
@Component
@Order(FilterOrder.SCAN_FAST_PATH)
class ScanFastPath extends OncePerRequestFilter {

	/** The paths taken here: one plain slug segment. */
	private static final Pattern PATH = Pattern.compile("/s/[A-Za-z0-9_-]{1,32}");

	private final Scans scans;

	private final boolean enabled;

	ScanFastPath(Scans scans, FastPathProperties properties) {
		this.scans = scans;
		this.enabled = properties.enabled();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.enabled || !"GET".equals(request.getMethod()) || !PATH.matcher(ApiPaths.of(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ScanOutcome outcome;
		try {
			outcome = this.scans.scan(ApiPaths.of(request).substring(3), false,
					request.getHeader(HttpHeaders.USER_AGENT));
		}
		catch (RuntimeException ex) {
			FastPathHandover.failed(request, ex);
			chain.doFilter(request, response);
			return;
		}
		if (!(outcome instanceof ScanOutcome.Redirect redirect)) {
			FastPathHandover.decided(request, outcome);
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(ScanController.PATH));
		response.setStatus(HttpStatus.FOUND.value());
		response.setHeader(HttpHeaders.LOCATION, redirect.location());
		response.setHeader(HttpHeaders.CACHE_CONTROL, ScanController.NO_STORE);
	}

}
