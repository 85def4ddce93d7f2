package com.smartengage.journey;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.smartengage.common.ratelimit.RateLimits;
import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.FilterOrder;

/**
 * Limits scans ({@code /s/**}) per client IP address, before a session is made. Shoppers'
 * phones read the answer, so a refusal is the friendly page with a 429 and
 * {@code Retry-After}.
 */
@Component
@Order(FilterOrder.SCAN_RATE_LIMIT)
class ScanRateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;

	ScanRateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ApiPaths.of(request).startsWith("/s/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = this.limits.scan(request);
		if (wait > 0) {
			this.limits.refusePage(response, RateLimits.SCAN, wait, "Too many scans",
					"Too many scans came from your network just now. Please wait a moment and scan again.");
			return;
		}
		chain.doFilter(request, response);
	}

}
