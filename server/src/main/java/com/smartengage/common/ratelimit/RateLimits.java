package com.smartengage.common.ratelimit;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.smartengage.common.web.JsonErrors;
import com.smartengage.common.web.MessagePages;

/**
 * The server's three rate limits (see {@link RateLimitProperties}) and their 429 answers.
 * Each limit counts on this instance only. A refused request is answered before it
 * reaches any controller, so it changes nothing; each refusal is counted in the metric
 * {@code smart_engage_rate_limited_requests_total{limit=...}} (never with an address or a
 * key as a tag).
 */
@Component
public class RateLimits {

	/** Names of the limits, as the metric tags them. */
	public static final String SCAN = "scan";

	public static final String PARTNER_API = "partner-api";

	public static final String LOGIN = "login";

	private final RateLimiter scan;

	private final RateLimiter partnerApi;

	private final RateLimiter login;

	private final JsonErrors errors;

	private final MessagePages pages;

	private final MeterRegistry meters;

	RateLimits(RateLimitProperties properties, JsonErrors errors, MessagePages pages, MeterRegistry meters) {
		this.errors = errors;
		this.pages = pages;
		this.meters = meters;
		int max = properties.maxTrackedClients();
		this.scan = properties.scanEnabled() ? new RateLimiter(properties.scanPerMinute(), properties.scanBurst(), max)
				: null;
		this.partnerApi = properties.partnerApiEnabled()
				? new RateLimiter(properties.partnerApiPerMinute(), properties.partnerApiBurst(), max) : null;
		this.login = properties.loginEnabled()
				? new RateLimiter(properties.loginPerMinute(), properties.loginBurst(), max) : null;
		for (String limit : new String[] { SCAN, PARTNER_API, LOGIN }) {
			counter(limit);
		}
	}

	/**
	 * Takes a scan from the client address's bucket: 0 when allowed, else the seconds to
	 * wait.
	 */
	public long scan(HttpServletRequest request) {
		return this.scan == null ? 0 : this.scan.tryAcquire(ClientAddress.of(request));
	}

	/**
	 * Takes a request from the API key's bucket, by the key's id (the key itself is never
	 * held): 0 when allowed, else the seconds to wait.
	 */
	public long partnerApi(long apiKeyId) {
		return this.partnerApi == null ? 0 : this.partnerApi.tryAcquire(Long.toString(apiKeyId));
	}

	/**
	 * 0 when the client address may try to log in, else the seconds until it may: an
	 * address that used up its failed attempts is refused whatever it sends, so that a
	 * guesser learns nothing from the refusal.
	 */
	public long loginBlocked(HttpServletRequest request) {
		return this.login == null ? 0 : this.login.check(ClientAddress.of(request));
	}

	/** Counts a failed login attempt against the client address. */
	public void loginFailed(HttpServletRequest request) {
		if (this.login != null) {
			this.login.charge(ClientAddress.of(request));
		}
	}

	/** A 429 with {@code Retry-After} and the {@code {"error_msg": ...}} body. */
	public void refuseJson(HttpServletResponse response, String limit, long retryAfterSeconds, String message)
			throws IOException {
		counter(limit).increment();
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		this.errors.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), message);
	}

	/** A 429 with {@code Retry-After} and the friendly HTML page, for browsers. */
	public void refusePage(HttpServletResponse response, String limit, long retryAfterSeconds, String title,
			String message) throws IOException {
		counter(limit).increment();
		ResponseEntity<String> page = this.pages.page(HttpStatus.TOO_MANY_REQUESTS, title, message);
		response.resetBuffer();
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		page.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(page.getBody());
	}

	private Counter counter(String limit) {
		return Counter.builder("smart_engage.rate_limited.requests")
			.description("Requests refused with 429 by a rate limit")
			.tag("limit", limit)
			.register(this.meters);
	}

}
