package com.smartengage.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.infra.ClusterEvents;
import com.smartengage.common.text.Hashing;
import com.smartengage.common.web.NotFoundException;

/**
 * Creates, verifies and revokes partner API keys. A key is 256 random bits; only its
 * SHA-256 is stored (a key has far too much entropy for a slow hash to add anything), and
 * verified keys are served from a short-lived cache so that the hot path does not ask the
 * database each time.
 */
@Service
public class ApiKeyService {

	private static final String KEY_PREFIX = "se_";

	/** Cluster event topic: an API key (payload: its id) was revoked. */
	static final String KEY_REVOKED = "api-key-revoked";

	private final SecureRandom random = new SecureRandom();

	private final PartnerRepository repository;

	private final PartnerService partners;

	private final Clock clock;

	private final Cache<String, PartnerPrincipal> verified;

	/**
	 * Counts revocations heard, so a lookup that raced one does not cache a stale answer.
	 */
	private final AtomicLong revocations = new AtomicLong();

	private final ClusterEvents events;

	private final AuditLog audit;

	ApiKeyService(PartnerRepository repository, PartnerService partners, Clock clock, PartnerApiProperties properties,
			ClusterEvents events, AuditLog audit) {
		this.audit = audit;
		this.repository = repository;
		this.partners = partners;
		this.clock = clock;
		this.events = events;
		this.verified = Caffeine.newBuilder()
			.expireAfterWrite(properties.keyCacheTtl())
			.maximumSize(properties.keyCacheSize())
			.build();
		events.subscribe(KEY_REVOKED, (payload) -> forget(Long.parseLong(payload)));
		events.onMissedMessages(this::forgetAll);
	}

	@Transactional
	public CreatedApiKey create(long partnerId) {
		this.partners.get(partnerId);
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = this.repository.insertKey(partnerId, hash(key), key.substring(0, 10), this.clock.instant());
		this.audit.record("api_key.created", "api_key", id,
				"partner " + partnerId + ", key_prefix " + key.substring(0, 10));
		return new CreatedApiKey(id, partnerId, key);
	}

	public List<ApiKeyView> list(long partnerId) {
		this.partners.get(partnerId);
		return this.repository.findKeys(partnerId);
	}

	public ApiKeyView get(long keyId) {
		return this.repository.findKey(keyId).orElseThrow(() -> new NotFoundException("No API key with id " + keyId));
	}

	/**
	 * Revokes a key; it stops working at once on this instance and, through
	 * {@link ClusterEvents}, on every other one (the cache TTL bounds the delay should
	 * that message be lost). Revoking twice is harmless.
	 */
	@Transactional
	public void revoke(long keyId) {
		if (this.repository.revokeKey(keyId, this.clock.instant())) {
			ApiKeyView key = get(keyId);
			this.audit.record("api_key.revoked", "api_key", keyId,
					"partner " + key.partnerId() + ", key_prefix " + key.keyPrefix());
		}
		else {
			get(keyId);
		}
		this.events.publish(KEY_REVOKED, Long.toString(keyId));
	}

	private void forget(long keyId) {
		this.revocations.incrementAndGet();
		this.verified.asMap().values().removeIf((principal) -> principal.keyId() == keyId);
	}

	private void forgetAll() {
		this.revocations.incrementAndGet();
		this.verified.invalidateAll();
	}

	/**
	 * The partner behind a presented key, or empty for a missing, unknown or revoked key.
	 */
	public Optional<PartnerPrincipal> authenticate(String presentedKey) {
		if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 200) {
			return Optional.empty();
		}
		String presentedHash = hash(presentedKey);
		PartnerPrincipal cached = this.verified.getIfPresent(presentedHash);
		if (cached != null) {
			return Optional.of(cached);
		}
		long generation = this.revocations.get();
		Optional<PartnerPrincipal> found = this.repository.findActiveKeyByHash(presentedHash)
			.filter((stored) -> MessageDigest.isEqual(stored.keyHash().getBytes(StandardCharsets.US_ASCII),
					presentedHash.getBytes(StandardCharsets.US_ASCII)))
			.map((stored) -> new PartnerPrincipal(stored.partnerId(), stored.id()));
		// A revocation that landed while we read must not be undone by caching what we
		// read.
		if (found.isPresent() && this.revocations.get() == generation) {
			this.verified.put(presentedHash, found.get());
		}
		return found;
	}

	static String hash(String key) {
		return Hashing.sha256Hex(key);
	}

}
