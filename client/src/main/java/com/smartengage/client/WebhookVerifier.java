package com.smartengage.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook delivery comes from Smart Engage and is fresh, then reads its
 * event. Deliveries are signed per Standard Webhooks 1.0: HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>} under the endpoint's {@code whsec_}
 * secret, sent as {@code v1,<base64>} in {@code webhook-signature} (two, space-separated,
 * while a rotated secret still signs).
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(System.getenv("SMART_ENGAGE_WEBHOOK_SECRET"));
 * // in the receiver, with the headers and the raw body as received:
 * WebhookEvent event = verifier.verify(headers, body);   // or a WebhookVerificationException: answer 400
 * }</pre>
 *
 * <p>
 * Pass the body exactly as it arrived, before any JSON parsing: the signature is over
 * those bytes. A timestamp more than five minutes (see {@link #withTolerance(Duration)})
 * from this verifier's clock is refused, so a captured delivery cannot be replayed later.
 * A verifier is immutable and safe for concurrent use.
 */
public final class WebhookVerifier {

	/** How far a delivery's timestamp may be from the clock unless set otherwise. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	/** The header names, as Standard Webhooks 1.0 spells them. */
	private static final String ID = "webhook-id";

	private static final String TIMESTAMP = "webhook-timestamp";

	private static final String SIGNATURE = "webhook-signature";

	private static final String SECRET_PREFIX = "whsec_";

	private static final String ALGORITHM = "HmacSHA256";

	private final List<SecretKeySpec> keys;

	private final Duration tolerance;

	private final Clock clock;

	/**
	 * A verifier for an endpoint's secret, and during a rotation its other one: a
	 * delivery signed by any of them passes.
	 * @param secret the secret shown when the endpoint was registered or its secret
	 * rotated ({@code whsec_} and base64; the prefix may be left out)
	 * @param moreSecrets further secrets that are also accepted
	 * @throws IllegalArgumentException for a secret that is not base64
	 */
	public WebhookVerifier(String secret, String... moreSecrets) {
		this(keys(secret, moreSecrets), DEFAULT_TOLERANCE, Clock.systemUTC());
	}

	private WebhookVerifier(List<SecretKeySpec> keys, Duration tolerance, Clock clock) {
		this.keys = keys;
		this.tolerance = tolerance;
		this.clock = clock;
	}

	/**
	 * This verifier with another tolerance for the timestamp's distance from the clock.
	 * @param tolerance zero or more (5 minutes by default)
	 * @return a new verifier
	 */
	public WebhookVerifier withTolerance(Duration tolerance) {
		Objects.requireNonNull(tolerance, "tolerance");
		if (tolerance.isNegative()) {
			throw new IllegalArgumentException("tolerance must not be negative");
		}
		return new WebhookVerifier(this.keys, tolerance, this.clock);
	}

	/**
	 * This verifier with another clock to judge timestamps by (tests, or a clock of the
	 * application's).
	 * @param clock the clock
	 * @return a new verifier
	 */
	public WebhookVerifier withClock(Clock clock) {
		return new WebhookVerifier(this.keys, this.tolerance, Objects.requireNonNull(clock, "clock"));
	}

	/**
	 * Verifies a delivery and reads its event.
	 * @param headers the request's headers, names in any case; a value may be a
	 * {@code String}, a {@code Collection} of them or a {@code String[]} (a servlet
	 * request's headers collected into a map, Spring's
	 * {@code HttpHeaders.asMultiValueMap()}, the JDK {@code HttpServer}'s
	 * {@code Headers})
	 * @param body the request's body, as received
	 * @return the event
	 * @throws WebhookVerificationException when the delivery does not pass
	 */
	public WebhookEvent verify(Map<String, ?> headers, byte[] body) {
		Objects.requireNonNull(headers, "headers");
		return verify(header(headers, ID), header(headers, TIMESTAMP), header(headers, SIGNATURE), body);
	}

	/**
	 * Verifies a delivery given its three headers, and reads its event.
	 * @param webhookId the {@code webhook-id} header
	 * @param webhookTimestamp the {@code webhook-timestamp} header
	 * @param webhookSignature the {@code webhook-signature} header
	 * @param body the request's body, as received
	 * @return the event
	 * @throws WebhookVerificationException when the delivery does not pass
	 */
	public WebhookEvent verify(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
		verifySignature(webhookId, webhookTimestamp, webhookSignature, body);
		return WebhookEvents.read(webhookId, body);
	}

	/**
	 * Only checks the signature and the timestamp, for a receiver that reads the body
	 * itself.
	 * @param webhookId the {@code webhook-id} header
	 * @param webhookTimestamp the {@code webhook-timestamp} header
	 * @param webhookSignature the {@code webhook-signature} header
	 * @param body the request's body, as received
	 * @throws WebhookVerificationException when the delivery does not pass
	 */
	public void verifySignature(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
		present(webhookId, ID);
		present(webhookTimestamp, TIMESTAMP);
		present(webhookSignature, SIGNATURE);
		Objects.requireNonNull(body, "body");
		checkTimestamp(webhookTimestamp.strip());
		byte[] signed = concat((webhookId + "." + webhookTimestamp.strip() + ".").getBytes(StandardCharsets.UTF_8),
				body);
		List<byte[]> expected = new ArrayList<>();
		for (SecretKeySpec key : this.keys) {
			expected.add(hmac(key, signed));
		}
		boolean matched = false;
		for (String signature : webhookSignature.strip().split("\\s+")) {
			if (!signature.startsWith("v1,")) {
				continue;
			}
			byte[] given;
			try {
				given = Base64.getDecoder().decode(signature.substring(3));
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			for (byte[] candidate : expected) {
				// Every pair is compared, in constant time each, so the time taken tells
				// nothing about which one came close.
				matched |= MessageDigest.isEqual(candidate, given);
			}
		}
		if (!matched) {
			throw new WebhookVerificationException("No v1 signature of " + SIGNATURE + " matches the secret");
		}
	}

	private void checkTimestamp(String timestamp) {
		if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(Character::isDigit)) {
			throw new WebhookVerificationException(TIMESTAMP + " is not Unix seconds");
		}
		Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		Duration distance = Duration.between(sent, this.clock.instant());
		if (distance.abs().compareTo(this.tolerance) > 0) {
			throw new WebhookVerificationException(TIMESTAMP + " " + sent + " is "
					+ (distance.isNegative() ? "ahead of" : "behind") + " the clock by more than " + this.tolerance);
		}
	}

	private static byte[] hmac(SecretKeySpec key, byte[] content) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(content);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is part of every JDK", ex);
		}
	}

	private static byte[] concat(byte[] head, byte[] tail) {
		byte[] all = new byte[head.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	private static void present(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new WebhookVerificationException("No " + name + " header");
		}
	}

	/**
	 * A header's values, in any case of its name, joined by spaces (several signature
	 * headers count as one list); null when missing.
	 */
	private static String header(Map<String, ?> headers, String name) {
		List<String> values = new ArrayList<>();
		headers.forEach((key, value) -> {
			if (key != null && key.equalsIgnoreCase(name) && value != null) {
				if (value instanceof Collection<?> collection) {
					collection.forEach((item) -> values.add(String.valueOf(item)));
				}
				else if (value instanceof String[] array) {
					values.addAll(List.of(array));
				}
				else {
					values.add(value.toString());
				}
			}
		});
		return values.isEmpty() ? null : String.join(" ", values);
	}

	private static List<SecretKeySpec> keys(String secret, String... moreSecrets) {
		List<SecretKeySpec> keys = new ArrayList<>();
		keys.add(key(secret));
		for (String more : Objects.requireNonNull(moreSecrets, "moreSecrets")) {
			keys.add(key(more));
		}
		return List.copyOf(keys);
	}

	private static SecretKeySpec key(String secret) {
		Objects.requireNonNull(secret, "secret");
		String encoded = secret.strip();
		if (encoded.startsWith(SECRET_PREFIX)) {
			encoded = encoded.substring(SECRET_PREFIX.length());
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A webhook secret is whsec_ and base64", ex);
		}
		if (key.length == 0) {
			throw new IllegalArgumentException("A webhook secret is whsec_ and base64");
		}
		return new SecretKeySpec(key, ALGORITHM);
	}

}
