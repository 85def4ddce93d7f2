package com.smartengage.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Encrypts signing secrets at rest with AES-256-GCM under a key from configuration
 * ({@code smart-engage.webhooks.secret-key}), or from a key file made on first start when
 * none is configured. A stored secret reads {@code <key id>:<base64 of nonce and
 * ciphertext>}, the key id being the first bytes of the key's SHA-256, so that a secret
 * stored under another key is named as such rather than failing obscurely.
 */
@Component
class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	private final String keyId;

	SecretBox(WebhookProperties properties) {
		byte[] bytes = properties.secretKey() != null && !properties.secretKey().isBlank()
				? decodeKey(properties.secretKey().strip()) : keyFromFile(properties.secretKeyFile());
		this.key = new SecretKeySpec(bytes, "AES");
		this.keyId = keyId(bytes);
	}

	String seal(String secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			ByteBuffer stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
			return this.keyId + ":" + Base64.getEncoder().encodeToString(stored.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	/**
	 * The secret sealed by {@link #seal}; fails with a message that names the key, never
	 * the secret.
	 */
	String open(String stored) {
		int colon = stored.indexOf(':');
		if (colon < 0 || !stored.substring(0, colon).equals(this.keyId)) {
			throw new IllegalStateException("A webhook secret was encrypted under another key (id "
					+ (colon < 0 ? "none" : stored.substring(0, colon)) + ", this instance's is " + this.keyId
					+ "): every instance needs the same smart-engage.webhooks.secret-key");
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException | IllegalArgumentException ex) {
			throw new IllegalStateException("A stored webhook secret does not decrypt under key " + this.keyId);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every JDK", ex);
		}
	}

	private static byte[] decodeKey(String encoded) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("smart-engage.webhooks.secret-key must be base64 (of 32 random bytes)");
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException("smart-engage.webhooks.secret-key must be the base64 of " + KEY_BYTES
					+ " bytes, not of " + bytes.length + " (make one with: openssl rand -base64 32)");
		}
		return bytes;
	}

	private byte[] keyFromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decodeKey(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] bytes = new byte[KEY_BYTES];
			this.random.nextBytes(bytes);
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the file keeps its default permissions.
			}
			log.warn("Made a key for webhook secrets in {}: fine for one instance; with several, give each the same "
					+ "smart-engage.webhooks.secret-key", file.toAbsolutePath());
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or make the webhook secret key file " + file
					+ "; set smart-engage.webhooks.secret-key instead", ex);
		}
	}

	private static String keyId(byte[] key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
