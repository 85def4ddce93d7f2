package com.smartengage.dashboard;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.smartengage.common.ratelimit.RateLimits;
import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.FilterOrder;

/**
 * Limits failed dashboard logins ({@code POST /dashboard/login}) per client IP address,
 * in the same bucket as wrong admin API tokens. A login counts as failed unless it
 * answers with a redirect away from the login page (the usual answer to a good password);
 * an address that used up its failures is refused with a 429 page, right password or not.
 */
@Component
@Order(FilterOrder.AUTHENTICATION)
class DashboardLoginRateLimitFilter extends OncePerRequestFilter {

	static final String LOGIN_PATH = "/dashboard/login";

	private final RateLimits limits;

	DashboardLoginRateLimitFilter(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && LOGIN_PATH.equals(ApiPaths.of(request)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = this.limits.loginBlocked(request);
		if (wait > 0) {
			this.limits.refusePage(response, RateLimits.LOGIN, wait, "Too many login attempts",
					"Too many failed logins came from your address. Please wait " + wait + " seconds and try again.");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!succeeded(response)) {
				this.limits.loginFailed(request);
			}
		}
	}

	private static boolean succeeded(HttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getHeader(HttpHeaders.LOCATION);
		return status >= 300 && status < 400 && location != null && !location.contains(LOGIN_PATH);
	}

}
