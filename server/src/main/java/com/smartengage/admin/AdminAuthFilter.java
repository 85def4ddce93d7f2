package com.smartengage.admin;

import java.io.IOException;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.smartengage.common.ratelimit.RateLimits;
import com.smartengage.common.text.Hashing;
import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.FilterOrder;
import com.smartengage.common.web.JsonErrors;

/**
 * Guards {@code /admin/api/**} with {@code Authorization: Bearer <token>}. The token is
 * kept only as its SHA-256 and compared in constant time. Without a configured token,
 * everyone is refused. A wrong token counts as a failed login of the client address (see
 * {@link RateLimits#loginFailed}); an address that used up its failures is refused with a
 * 429 before its token is even looked at.
 */
@Component
@Order(FilterOrder.AUTHENTICATION)
class AdminAuthFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AdminAuthFilter.class);

	static final String DISABLED = "The admin API is disabled: start the server with SMART_ENGAGE_ADMIN_TOKEN set";

	static final String INVALID = "Authorization header must be 'Bearer <admin token>' with a valid token";

	private final byte[] tokenHash;

	static final String TOO_MANY = "Too many failed admin logins from this address; retry after %d seconds";

	private final JsonErrors errors;

	private final RateLimits limits;

	AdminAuthFilter(AdminProperties properties, JsonErrors errors, RateLimits limits) {
		this.tokenHash = properties.enabled() ? Hashing.sha256(properties.token()) : null;
		this.errors = errors;
		this.limits = limits;
		if (this.tokenHash != null && properties.token().strip().length() < 16) {
			log.warn("The admin token is shorter than 16 characters and easy to guess; use a long random secret, "
					+ "e.g. SMART_ENGAGE_ADMIN_TOKEN=$(openssl rand -hex 32)");
		}
		if (this.tokenHash == null) {
			log.warn("The admin API is disabled because no admin token is set. Set the environment variable "
					+ "SMART_ENGAGE_ADMIN_TOKEN (or the property smart-engage.admin.token) to a long random "
					+ "secret, e.g. SMART_ENGAGE_ADMIN_TOKEN=$(openssl rand -hex 32), and restart.");
		}
	}

	/**
	 * The SHA-256 of the token an {@code Authorization: Bearer <token>} header presents,
	 * for a constant-time comparison with a stored hash; null when the header is missing
	 * or names another scheme.
	 */
	static byte[] bearerHash(String header) {
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return Hashing.sha256(header.substring(7).strip());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = ApiPaths.of(request);
		return !(path.startsWith(ApiPaths.ADMIN_PREFIX) || path.equals("/admin/api"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.tokenHash == null) {
			response.setHeader("WWW-Authenticate", "Bearer");
			this.errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, DISABLED);
			return;
		}
		long wait = this.limits.loginBlocked(request);
		if (wait > 0) {
			this.limits.refuseJson(response, RateLimits.LOGIN, wait, TOO_MANY.formatted(wait));
			return;
		}
		String header = request.getHeader("Authorization");
		byte[] presented = bearerHash(header);
		boolean valid = presented != null && MessageDigest.isEqual(this.tokenHash, presented);
		if (!valid) {
			if (header != null) {
				// Only a presented credential is a guess; a request without one is not.
				this.limits.loginFailed(request);
			}
			response.setHeader("WWW-Authenticate", "Bearer");
			this.errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, INVALID);
			return;
		}
		// No operator accounts yet: every admin call acts as the holder of the admin
		// token.
		request.setAttribute(AuditLog.ACTOR_ATTRIBUTE, "admin-token");
		chain.doFilter(request, response);
	}

}
