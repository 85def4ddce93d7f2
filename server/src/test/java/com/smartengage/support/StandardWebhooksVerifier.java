package com.smartengage.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks 1.0 delivery, written from the specification
 * and apart from the server's signing code: the timestamp within five minutes of now, and
 * at least one {@code v1} signature in the space-separated header equal, in constant
 * time, to the HMAC-SHA256 of {@code id.timestamp.body} under the secret's base64-decoded
 * bytes.
 */
public final class StandardWebhooksVerifier {

	private static final long TOLERANCE_SECONDS = 5 * 60;

	private final byte[] key;

	public StandardWebhooksVerifier(String secret) {
		String base64 = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
		this.key = Base64.getDecoder().decode(base64);
	}

	/** Whether the delivery is authentic and fresh at {@code nowSeconds}. */
	public boolean verify(String id, String timestamp, String signatureHeader, byte[] body, long nowSeconds) {
		if (id == null || timestamp == null || signatureHeader == null) {
			return false;
		}
		long sent;
		try {
			sent = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(nowSeconds - sent) > TOLERANCE_SECONDS) {
			return false;
		}
		byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
		for (String part : signatureHeader.split(" ")) {
			int comma = part.indexOf(',');
			if (comma < 0 || !part.substring(0, comma).equals("v1")) {
				continue;
			}
			byte[] given;
			try {
				given = Base64.getDecoder().decode(part.substring(comma + 1));
			}
			catch (IllegalArgumentException ex) {
				continue;
			}
			if (MessageDigest.isEqual(expected, given)) {
				return true;
			}
		}
		return false;
	}

	/** The delivery as the receiver got it, checked now. */
	public boolean verify(WebhookReceiver.Request request) {
		return verify(request.header("webhook-id"), request.header("webhook-timestamp"),
				request.header("webhook-signature"), request.body(), System.currentTimeMillis() / 1000);
	}

	private byte[] hmac(byte[] prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update(prefix);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
