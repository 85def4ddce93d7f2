package com.smartengage.common.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer: no content sniffing, no referrer leaking a coupon
 * token or a session id, and on the server's own pages a strict Content-Security-Policy
 * (no script at all, styles and images from this server only) that also forbids framing.
 * The operator dashboard's pages may load scripts from this server (never inline ones),
 * fetch from it and post forms to it. Swagger UI, which needs its own scripts, keeps only
 * the headers that do not break it.
 */
@Component
@Order(FilterOrder.SECURITY_HEADERS)
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
			+ "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		String path = ApiPaths.of(request);
		if (!path.startsWith("/swagger-ui")) {
			response.setHeader("X-Frame-Options", "DENY");
			if (!ApiPaths.isJson(path)) {
				response.setHeader("Content-Security-Policy",
						ApiPaths.isDashboard(path) ? DASHBOARD_POLICY : PAGE_POLICY);
			}
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
