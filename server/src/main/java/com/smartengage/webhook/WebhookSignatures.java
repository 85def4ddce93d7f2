package com.smartengage.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: a secret is {@code whsec_} and the base64 of random
 * bytes; a signature is {@code v1,} and the base64 of the HMAC-SHA256, under the secret's
 * bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}; several signatures are
 * separated by spaces.
 */
public final class WebhookSignatures {

	/** What every secret starts with. */
	public static final String SECRET_PREFIX = "whsec_";

	/** Random bytes in a new secret (the specification asks for 24 to 64). */
	static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignatures() {
	}

	/** A new secret. */
	public static String newSecret() {
		byte[] bytes = new byte[SECRET_BYTES];
		RANDOM.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/** The {@code webhook-signature} header: one {@code v1,} signature per secret. */
	public static String header(List<String> secrets, String webhookId, long timestamp, byte[] body) {
		StringBuilder header = new StringBuilder();
		for (String secret : secrets) {
			if (!header.isEmpty()) {
				header.append(' ');
			}
			header.append("v1,").append(sign(secret, webhookId, timestamp, body));
		}
		return header.toString();
	}

	/** The base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret. */
	public static String sign(String secret, String webhookId, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
			mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	private static byte[] key(String secret) {
		String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
		return Base64.getDecoder().decode(encoded);
	}

}
