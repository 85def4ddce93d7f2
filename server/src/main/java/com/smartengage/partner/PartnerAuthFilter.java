package com.smartengage.partner;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.smartengage.common.ratelimit.RateLimits;
import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.ErrorCodes;
import com.smartengage.common.web.ErrorBody;
import com.smartengage.common.web.FilterOrder;
import com.smartengage.common.web.JsonErrors;

/**
 * Checks the {@code API-KEY} header before anything else on the partner API, as the
 * contract says, and leaves the caller's {@link PartnerPrincipal} on the request. Then
 * applies the per-key rate limit, counted by the key's id (see {@link RateLimits}).
 */
@Component
@Order(FilterOrder.AUTHENTICATION)
class PartnerAuthFilter extends OncePerRequestFilter {

	static final String INVALID_KEY = "API-KEY is invalid";

	static final String TOO_MANY = "Too many requests with this API-KEY; retry after %d seconds";

	private static final Logger log = LoggerFactory.getLogger(PartnerAuthFilter.class);

	private final ApiKeyService keys;

	private final JsonErrors errors;

	private final RateLimits limits;

	PartnerAuthFilter(ApiKeyService keys, JsonErrors errors, RateLimits limits) {
		this.keys = keys;
		this.errors = errors;
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ApiPaths.of(request).startsWith(ApiPaths.PARTNER_PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PartnerPrincipal principal;
		try {
			principal = this.keys.authenticate(request.getHeader("API-KEY")).orElse(null);
		}
		catch (DataAccessException ex) {
			log.error("Could not verify an API key: {}", ex.getMessage());
			this.errors.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, ErrorBody.INTERNAL);
			return;
		}
		if (principal == null) {
			this.errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCodes.INVALID_API_KEY, INVALID_KEY);
			return;
		}
		long wait = this.limits.partnerApi(principal.keyId());
		if (wait > 0) {
			this.limits.refuseJson(response, RateLimits.PARTNER_API, wait, TOO_MANY.formatted(wait));
			return;
		}
		request.setAttribute(PartnerPrincipal.ATTRIBUTE, principal);
		chain.doFilter(request, response);
	}

}
