package com.smartengage.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.smartengage.admin.AdminProperties;
import com.smartengage.admin.AuditLog;
import com.smartengage.common.text.Hashing;

/**
 * Operator logins with the admin token. A login gets a fresh random session id, sent as
 * an HttpOnly cookie; the database keeps only an HMAC of it keyed by the admin token, so
 * a copy of the table opens no session, and changing the token ends every session. The
 * CSRF token of a session is derived from it the same way, so it needs no storage.
 */
@Service
class OperatorSessions {

	/** The session cookie. */
	static final String COOKIE = "SE_DASHBOARD";

	/**
	 * Request attribute holding the {@link Operator} the request was authenticated as.
	 */
	static final String OPERATOR_ATTRIBUTE = OperatorSessions.class.getName() + ".operator";

	/** The audit trail's name for whoever acts through the dashboard. */
	static final String ACTOR = "dashboard";

	/** A session's expiry moves forward at most this often, to spare the database. */
	private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final OperatorSessionRepository repository;

	private final DashboardProperties properties;

	private final Clock clock;

	private final AuditLog audit;

	private final byte[] tokenHash;

	private final SecretKeySpec key;

	OperatorSessions(OperatorSessionRepository repository, AdminProperties admin, DashboardProperties properties,
			Clock clock, AuditLog audit) {
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.tokenHash = admin.enabled() ? Hashing.sha256(admin.token().strip()) : null;
		this.key = admin.enabled() ? new SecretKeySpec(
				Hashing.sha256("smart-engage dashboard sessions\0" + admin.token().strip()), "HmacSHA256") : null;
	}

	/** Whether operators can log in at all: only with an admin token configured. */
	boolean enabled() {
		return this.tokenHash != null;
	}

	/** Whether the presented token is the admin token, compared in constant time. */
	boolean tokenMatches(String presented) {
		return enabled() && presented != null
				&& MessageDigest.isEqual(this.tokenHash, Hashing.sha256(presented.strip()));
	}

	/**
	 * Starts a session after a successful login and answers its cookie value. The session
	 * the browser had before, if any, ends: a login always changes the id.
	 */
	String login(String previousCookie) {
		if (!enabled()) {
			throw new IllegalStateException("No admin token: the dashboard is disabled");
		}
		if (previousCookie != null && !previousCookie.isEmpty()) {
			this.repository.delete(sessionId(previousCookie));
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		String id = sessionId(cookie);
		this.repository.insert(id, now, expiry(now, now));
		this.audit.record("dashboard.login", "operator_session", id.substring(0, 12), null);
		return cookie;
	}

	/** The operator behind a session cookie, or empty when it is unknown or expired. */
	Optional<Operator> find(String cookie) {
		if (!enabled() || cookie == null || cookie.isEmpty() || cookie.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		String id = sessionId(cookie);
		return this.repository.findLive(id, now).map((session) -> {
			if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
				this.repository.touch(id, now, expiry(session.createdAt(), now));
			}
			return new Operator(cookie, csrfToken(cookie));
		});
	}

	/** Ends the session on every instance at once. */
	void logout(String cookie) {
		if (!enabled() || cookie == null || cookie.isEmpty()) {
			return;
		}
		String id = sessionId(cookie);
		this.repository.delete(id);
		this.audit.record("dashboard.logout", "operator_session", id.substring(0, 12), null);
	}

	/** Whether the presented CSRF token is the session's, compared in constant time. */
	boolean csrfMatches(Operator operator, String presented) {
		return presented != null && MessageDigest.isEqual(operator.csrfToken().getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII));
	}

	/** How long a fresh session cookie may live, for its Max-Age. */
	Duration cookieMaxAge() {
		return this.properties.sessionMaxAge();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void forgetExpired() {
		this.repository.deleteExpired(this.clock.instant());
	}

	private Instant expiry(Instant createdAt, Instant now) {
		Instant idle = now.plus(this.properties.sessionIdleTimeout());
		Instant max = createdAt.plus(this.properties.sessionMaxAge());
		return idle.isBefore(max) ? idle : max;
	}

	private String sessionId(String cookie) {
		return HexFormat.of().formatHex(hmac("session\0" + cookie));
	}

	private String csrfToken(String cookie) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac("csrf\0" + cookie));
	}

	private byte[] hmac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	/** A logged-in operator: the session cookie and the CSRF token of its forms. */
	record Operator(String cookie, String csrfToken) {
	}

}
