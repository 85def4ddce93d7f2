package com.smartengage.admin;

import java.io.IOException;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.smartengage.common.ratelimit.RateLimits;
import com.smartengage.common.text.Hashing;
import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.FilterOrder;
import com.smartengage.common.web.JsonErrors;

/**
 * Keeps the Actuator endpoints other than health to holders of the metrics token (or the
 * admin token): Prometheus's output names every route and its traffic, disk paths and the
 * JVM's details. Health stays open, for load balancers' and Kubernetes' probes. Tokens
 * are compared as SHA-256 digests, in constant time; a wrong one counts as a failed login
 * of the client address, like a wrong admin token.
 */
@Component
@Order(FilterOrder.AUTHENTICATION)
class MetricsAuthFilter extends OncePerRequestFilter {

	static final String INVALID = "Authorization header must be 'Bearer <metrics token>' with a valid token";

	static final String TOO_MANY = "Too many failed logins from this address; retry after %d seconds";

	private final byte[] metricsHash;

	private final byte[] adminHash;

	private final JsonErrors errors;

	private final RateLimits limits;

	MetricsAuthFilter(MetricsProperties metrics, AdminProperties admin, JsonErrors errors, RateLimits limits) {
		this.metricsHash = metrics.enabled() ? Hashing.sha256(metrics.token().strip()) : null;
		this.adminHash = admin.enabled() ? Hashing.sha256(admin.token()) : null;
		this.errors = errors;
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = ApiPaths.of(request);
		boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
		return !actuator || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long wait = this.limits.loginBlocked(request);
		if (wait > 0) {
			this.limits.refuseJson(response, RateLimits.LOGIN, wait, TOO_MANY.formatted(wait));
			return;
		}
		String header = request.getHeader("Authorization");
		if (!matches(AdminAuthFilter.bearerHash(header))) {
			if (header != null) {
				this.limits.loginFailed(request);
			}
			response.setHeader("WWW-Authenticate", "Bearer");
			this.errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, INVALID);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean matches(byte[] presented) {
		if (presented == null) {
			return false;
		}
		// Both compared, whichever matches, so the time taken tells nothing.
		boolean metrics = this.metricsHash != null && MessageDigest.isEqual(this.metricsHash, presented);
		boolean admin = this.adminHash != null && MessageDigest.isEqual(this.adminHash, presented);
		return metrics | admin;
	}

}
