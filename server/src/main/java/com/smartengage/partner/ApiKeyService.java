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

	/** Test keys start so, and only they: a live key never does (see {@link #newKey}). */
	private static final String TEST_KEY_PREFIX = "se_test_";

	/** How many random characters of a key its stored prefix shows. */
	private static final int SHOWN_RANDOM_CHARACTERS = 7;

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

	/** A live key. */
	@Transactional
	public CreatedApiKey create(long partnerId) {
		return create(partnerId, Mode.LIVE);
	}

	/**
	 * A key of the given mode: a test key ({@code se_test_...}) sees sandbox sessions
	 * only, a live key ({@code se_...}) live ones only.
	 */
	@Transactional
	public CreatedApiKey create(long partnerId, Mode mode) {
		this.partners.get(partnerId);
		String key = newKey(mode);
		String prefix = key.substring(0,
				(mode.isTest() ? TEST_KEY_PREFIX : KEY_PREFIX).length() + SHOWN_RANDOM_CHARACTERS);
		long id = this.repository.insertKey(partnerId, hash(key), prefix, mode, this.clock.instant());
		this.audit.record("api_key.created", "api_key", id,
				"partner " + partnerId + ", key_prefix " + prefix + ", mode " + mode.wireName());
		return new CreatedApiKey(id, partnerId, key, mode.wireName());
	}

	/**
	 * 256 random bits behind the mode's prefix. A live key whose random part happens to
	 * start with {@code test_} is drawn again, so that the prefix alone tells the modes
	 * apart.
	 */
	private String newKey(Mode mode) {
		byte[] secret = new byte[32];
		String key;
		do {
			this.random.nextBytes(secret);
			key = (mode.isTest() ? TEST_KEY_PREFIX : KEY_PREFIX)
					+ Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		}
		while (!mode.isTest() && key.startsWith(TEST_KEY_PREFIX));
		return key;
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
			.map((stored) -> new PartnerPrincipal(stored.partnerId(), stored.id(), stored.mode()));
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
