package com.smartengage.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash used for secrets at rest (API keys, the admin token) and request
 * digests.
 */
public final class Hashing {

	private Hashing() {
	}

	public static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text));
	}

}
