package com.smartengage.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * The Smart Engage partner API for Java: report the steps of a shopper's journey, issue
 * and redeem coupons, read a session.
 *
 * <pre>{@code
 * SmartEngageClient client = SmartEngageClient.builder()
 *     .baseUrl("https://engage.example.com")
 *     .apiKey(System.getenv("SMART_ENGAGE_API_KEY"))
 *     .build();
 * client.updateSessionStatus(sessionId, "FORM_APPROVED");
 * IssuedCoupon coupon = client.issueCoupon(sessionId);
 * }</pre>
 *
 * <p>
 * Every call either answers its record or throws a {@link SmartEngageException}, one
 * subclass per error of the contract ({@link SessionNotFoundException},
 * {@link ActionAlreadyCompletedException}, {@link InvalidApiKeyException},
 * {@link RateLimitedException}, {@link ServerErrorException},
 * {@link BadRequestException}) and {@link ConnectionFailedException} when no answer came.
 * <p>
 * <b>Retries.</b> A call that failed on the way (a connection error, a timeout) or that
 * the server answered with a 5xx or a 429 is tried again, with exponential backoff and
 * jitter, up to {@link Builder#maxRetries(int)} times. That is safe for the POST calls
 * too: each call sends an {@code Idempotency-Key} of its own, the same on every attempt,
 * and the server answers a repeat with its first answer instead of acting twice. A coupon
 * issue whose answer was lost on the way thus gets the same coupon, not "already issued".
 * Other refusals (4xx) are never retried.
 * <p>
 * A client is immutable and safe for concurrent use; make one per API key and share it.
 */
public final class SmartEngageClient {

	private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

	private final Transport transport;

	private SmartEngageClient(Transport transport) {
		this.transport = transport;
	}

	/**
	 * Starts a client; {@link Builder#baseUrl(String)} and {@link Builder#apiKey(String)}
	 * are required.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Moves the session forward to {@code newStatus}, a step of its campaign's flow (such
	 * as {@code FORM_SUBMITTED}, {@code FORM_REVIEWING}, {@code FORM_APPROVED}); steps
	 * may be skipped, never taken back.
	 * @param sessionId the session, from the {@code session_id} the scan added to the
	 * form's URL
	 * @param newStatus the step the session reached
	 * @return the server's confirmation
	 * @throws SessionNotFoundException no such session for this partner
	 * @throws ActionAlreadyCompletedException the session already is at this step or past
	 * it
	 * @throws BadRequestException a status that is not a step of the flow, an expired
	 * session
	 * @throws SmartEngageException any other failure (see the class description)
	 */
	public StatusUpdated updateSessionStatus(String sessionId, String newStatus) {
		return updateSessionStatus(sessionId, newStatus, newIdempotencyKey());
	}

	/**
	 * {@link #updateSessionStatus(String, String)} under an idempotency key of the
	 * caller's, for a call that is repeated beyond this client's retries (a job run again
	 * after a crash): within 24 hours the server answers the same key with its first
	 * answer.
	 * @param sessionId the session
	 * @param newStatus the step the session reached
	 * @param idempotencyKey 1 to 200 visible ASCII characters, one per logical call
	 * @return the server's confirmation
	 * @throws SmartEngageException as {@link #updateSessionStatus(String, String)} does;
	 * a key used before with another request is a {@link BadRequestException}
	 */
	public StatusUpdated updateSessionStatus(String sessionId, String newStatus, String idempotencyKey) {
		ObjectNode body = JsonFields.JSON.createObjectNode()
			.put("session_id", required(sessionId, "sessionId"))
			.put("new_status", required(newStatus, "newStatus"));
		return Answers.read(this.transport.post("/smart-engage/post/update-session-status",
				JsonFields.JSON.writeValueAsBytes(body), checkedKey(idempotencyKey)), Answers::statusUpdated);
	}

	/**
	 * Issues the session its coupon ({@code engage-v3}), once it has reached its flow's
	 * reward step. A session gets one coupon at most.
	 * @param sessionId the session
	 * @return the coupon: code, coupon page, expiry
	 * @throws SessionNotFoundException no such session for this partner (HTTP 400 here,
	 * as the contract says)
	 * @throws BadRequestException the coupon was already issued, the reward step is not
	 * reached, no coupons are left, the campaign is over
	 * @throws SmartEngageException any other failure (see the class description)
	 */
	public IssuedCoupon issueCoupon(String sessionId) {
		return issueCoupon(sessionId, newIdempotencyKey());
	}

	/**
	 * {@link #issueCoupon(String)} under an idempotency key of the caller's: repeated
	 * within 24 hours with the same key, the call answers the same coupon.
	 * @param sessionId the session
	 * @param idempotencyKey 1 to 200 visible ASCII characters, one per logical call
	 * @return the coupon
	 * @throws SmartEngageException as {@link #issueCoupon(String)} does
	 */
	public IssuedCoupon issueCoupon(String sessionId, String idempotencyKey) {
		return Answers.read(this.transport.post("/smart-engage/post/engage-v3/" + segment(sessionId, "sessionId"),
				"{}".getBytes(StandardCharsets.UTF_8), checkedKey(idempotencyKey)), Answers::issuedCoupon);
	}

	/**
	 * Reads the session: its status, every step with its time, its coupon.
	 * @param sessionId the session
	 * @return the session
	 * @throws SessionNotFoundException no such session for this partner
	 * @throws SmartEngageException any other failure (see the class description)
	 */
	public Session getSession(String sessionId) {
		return Answers.read(this.transport.get("/smart-engage/get/session/" + segment(sessionId, "sessionId")),
				Answers::session);
	}

	/**
	 * Redeems one of this partner's issued coupons at the till, once.
	 * @param couponCode the code as the shopper shows it
	 * @return the redemption
	 * @throws BadRequestException an unknown code, one not issued yet, already redeemed,
	 * or expired
	 * @throws SmartEngageException any other failure (see the class description)
	 */
	public RedeemedCoupon redeemCoupon(String couponCode) {
		return redeemCoupon(couponCode, newIdempotencyKey());
	}

	/**
	 * {@link #redeemCoupon(String)} under an idempotency key of the caller's.
	 * @param couponCode the code as the shopper shows it
	 * @param idempotencyKey 1 to 200 visible ASCII characters, one per logical call
	 * @return the redemption
	 * @throws SmartEngageException as {@link #redeemCoupon(String)} does
	 */
	public RedeemedCoupon redeemCoupon(String couponCode, String idempotencyKey) {
		ObjectNode body = JsonFields.JSON.createObjectNode().put("coupon_code", required(couponCode, "couponCode"));
		return Answers.read(this.transport.post("/smart-engage/post/redeem-coupon",
				JsonFields.JSON.writeValueAsBytes(body), checkedKey(idempotencyKey)), Answers::redeemedCoupon);
	}

	/**
	 * Starts a sandbox session of one of this partner's campaigns as a scan would,
	 * without a phone and a printed QR code, to try an integration end to end. It needs a
	 * client built with a test API key ({@code se_test_...}); the session then answers
	 * the other calls of a client with that key as a live one does.
	 * @param campaignId the campaign
	 * @return the new session and the form URL the scan would have sent the phone to
	 * @throws SmartEngageException any failure (see the class description): 403 with
	 * {@link ErrorCodes#SANDBOX_NEEDS_TEST_KEY} for a live key, 404 with
	 * {@link ErrorCodes#CAMPAIGN_NOT_FOUND} for a campaign of no one, and 404 with
	 * {@link ErrorCodes#NOT_FOUND} from a server without the sandbox
	 */
	public SandboxSession sandboxScan(long campaignId) {
		ObjectNode body = JsonFields.JSON.createObjectNode().put("campaign_id", campaignId);
		return Answers.read(this.transport.post("/smart-engage/post/sandbox/scan",
				JsonFields.JSON.writeValueAsBytes(body), newIdempotencyKey()), Answers::sandboxSession);
	}

	private static String newIdempotencyKey() {
		return UUID.randomUUID().toString();
	}

	private static String checkedKey(String key) {
		Objects.requireNonNull(key, "idempotencyKey");
		if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH
				|| !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw new IllegalArgumentException("idempotencyKey must be 1 to 200 visible ASCII characters");
		}
		return key;
	}

	private static String required(String value, String name) {
		Objects.requireNonNull(value, name);
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	/** The value as one path segment: percent-encoded, a space as %20. */
	private static String segment(String value, String name) {
		return URLEncoder.encode(required(value, name), StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Configures a {@link SmartEngageClient}. The defaults suit a partner's backend
	 * calling over the internet: 5 s to connect, 10 s for an answer, 3 retries starting
	 * at 250 ms, waiting 5 s at most between attempts (or up to 10 s when the server's
	 * {@code Retry-After} asks for it).
	 */
	public static final class Builder {

		private String baseUrl;

		private String apiKey;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration timeout = Duration.ofSeconds(10);

		private int maxRetries = 3;

		private Duration initialBackoff = Duration.ofMillis(250);

		private Duration maxBackoff = Duration.ofSeconds(5);

		private Duration maxRetryAfter = Duration.ofSeconds(10);

		private HttpClient httpClient;

		private Clock clock = Clock.systemUTC();

		private Transport.Sleeper sleeper = (duration) -> Thread.sleep(duration.toMillis());

		private Builder() {
		}

		/**
		 * The server's root URL, such as {@code https://engage.example.com} (a path
		 * prefix is kept).
		 * @param baseUrl an absolute {@code http} or {@code https} URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
		}

		/**
		 * The server's root URL.
		 * @param baseUrl an absolute {@code http} or {@code https} URL without query or
		 * fragment
		 * @return this builder
		 */
		public Builder baseUrl(URI baseUrl) {
			Objects.requireNonNull(baseUrl, "baseUrl");
			String scheme = baseUrl.getScheme();
			if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || baseUrl.getHost() == null
					|| baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
				throw new IllegalArgumentException(
						"baseUrl must be an absolute http or https URL without query or fragment, not " + baseUrl);
			}
			String text = baseUrl.toString();
			while (text.endsWith("/")) {
				text = text.substring(0, text.length() - 1);
			}
			this.baseUrl = text;
			return this;
		}

		/**
		 * The partner's API key, sent as the {@code API-KEY} header.
		 * @param apiKey the key the operator created for the partner
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = required(apiKey, "apiKey");
			return this;
		}

		/**
		 * How long connecting may take; ignored with {@link #httpClient(HttpClient)}.
		 * @param connectTimeout a positive duration (5 s by default)
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = positive(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * How long one attempt may wait for its answer; a timeout counts as a connection
		 * error and is retried.
		 * @param timeout a positive duration (10 s by default)
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = positive(timeout, "timeout");
			return this;
		}

		/**
		 * How many times a call is tried again after a connection error, a timeout, a 5xx
		 * or a 429.
		 * @param maxRetries 0 (never) or more (3 by default)
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			if (maxRetries < 0) {
				throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries);
			}
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * The wait before the first retry, at most; it doubles for each further one, up
		 * to {@code maxBackoff}, and is drawn at random from its upper half.
		 * @param initialBackoff a positive duration (250 ms by default)
		 * @param maxBackoff the longest wait (5 s by default), at least
		 * {@code initialBackoff}
		 * @return this builder
		 */
		public Builder backoff(Duration initialBackoff, Duration maxBackoff) {
			positive(initialBackoff, "initialBackoff");
			positive(maxBackoff, "maxBackoff");
			if (maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
			}
			this.initialBackoff = initialBackoff;
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * The longest {@code Retry-After} the client waits for before it tries again; an
		 * answer asking for longer ends the call at once with its exception (a
		 * {@link RateLimitedException} says how long to wait).
		 * @param maxRetryAfter zero or more (10 s by default)
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
			if (maxRetryAfter.isNegative()) {
				throw new IllegalArgumentException("maxRetryAfter must not be negative");
			}
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * The JDK HTTP client to send with, for a proxy, a TLS setup or an executor of
		 * the caller's; by default the client makes its own (HTTP/1.1, no redirects).
		 * @param httpClient the client to use
		 * @return this builder
		 */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
			return this;
		}

		/** Tests: the clock that dates a {@code Retry-After}. */
		Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/** Tests: what waits between attempts. */
		Builder sleeper(Transport.Sleeper sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		/**
		 * The client.
		 * @return a new client
		 * @throws IllegalStateException without a base URL or an API key
		 */
		public SmartEngageClient build() {
			if (this.baseUrl == null || this.apiKey == null) {
				throw new IllegalStateException("A SmartEngageClient needs a baseUrl and an apiKey");
			}
			HttpClient http = (this.httpClient != null) ? this.httpClient
					: HttpClient.newBuilder()
						.version(HttpClient.Version.HTTP_1_1)
						.connectTimeout(this.connectTimeout)
						.followRedirects(HttpClient.Redirect.NEVER)
						.build();
			RetryPolicy retries = new RetryPolicy(this.maxRetries, this.initialBackoff, this.maxBackoff,
					this.maxRetryAfter);
			return new SmartEngageClient(new Transport(http, this.baseUrl, this.apiKey, userAgent(), this.timeout,
					retries, this.clock, this.sleeper));
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name);
			if (duration.isZero() || duration.isNegative()) {
				throw new IllegalArgumentException(name + " must be positive, not " + duration);
			}
			return duration;
		}

		private static String userAgent() {
			String version = SmartEngageClient.class.getPackage().getImplementationVersion();
			return "smart-engage-java/" + ((version != null) ? version : "dev") + " (Java "
					+ Runtime.version().feature() + ")";
		}

	}

}
