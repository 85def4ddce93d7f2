package com.smartengage.common.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash used for secrets at rest (API keys, the admin token) and request
 * digests.
 */
public final class Hashing {

	/**
	 * Cloned for each hash: looking the algorithm up among the security providers costs
	 * more than hashing an API key (a profile of the partner API showed it), and a
	 * thread-local would not be reused on virtual threads.
	 */
	private static final MessageDigest SHA_256 = newSha256();

	private Hashing() {
	}

	public static byte[] sha256(String text) {
		return sha256Digest().digest(text.getBytes(StandardCharsets.UTF_8));
	}

	private static MessageDigest sha256Digest() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newSha256();
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text));
	}

}
