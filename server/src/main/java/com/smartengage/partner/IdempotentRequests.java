package com.smartengage.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.smartengage.common.text.Hashing;
import com.smartengage.common.text.Ids;
import com.smartengage.common.web.ApiException;
import com.smartengage.common.web.ErrorCodes;
import com.smartengage.common.web.BadRequestException;

/**
 * The optional {@code Idempotency-Key} header of the partner API's POST calls. The first
 * successful answer under a key is stored in the same transaction as the change it
 * reports, so a retry (after a timeout, say) gets that answer again, however the first
 * call ended on the client's side. The same key with another request is a 400. Without
 * the header nothing changes. A partner's live and test keys keep apart: the same key
 * sent in both modes is two keys.
 */
@Component
public class IdempotentRequests {

	public static final String HEADER = "Idempotency-Key";

	private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

	private final IdempotentRequestRepository repository;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final PartnerApiProperties properties;

	IdempotentRequests(IdempotentRequestRepository repository, PlatformTransactionManager transactionManager,
			JsonMapper json, Clock clock, PartnerApiProperties properties) {
		this.repository = repository;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Runs {@code action} (which answers a 200 body or throws an {@link ApiException})
	 * under the key, or replays the answer stored for it.
	 * @param fingerprint what makes two requests "the same": method, path and the
	 * meaningful fields
	 */
	public ResponseEntity<?> run(PartnerPrincipal partner, String key, String fingerprint, Supplier<Object> action) {
		if (key == null) {
			// JSON whatever the Accept header says: the change is made by now, so a 406
			// would hide it.
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(action.get());
		}
		if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw new BadRequestException(HEADER + " must be 1 to 200 visible ASCII characters");
		}
		String hash = Hashing.sha256Hex(fingerprint);
		try {
			return this.transactions.execute((status) -> {
				Optional<IdempotentRequestRepository.Stored> stored = stored(partner, key);
				if (stored.isPresent()) {
					return replay(stored.get(), hash, key);
				}
				String body = this.json.writeValueAsString(action.get());
				Instant now = this.clock.instant();
				this.repository.insert(partner.partnerId(), stored(partner.mode(), key),
						new IdempotentRequestRepository.Stored(hash, 200, body), now,
						now.minus(this.properties.idempotencyTtl()));
				return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
			});
		}
		catch (ApiException | DuplicateKeyException ex) {
			// A concurrent request under the same key may have won; if so, its answer is
			// ours.
			Optional<IdempotentRequestRepository.Stored> stored = stored(partner, key);
			if (stored.isPresent()) {
				return replay(stored.get(), hash, key);
			}
			throw ex;
		}
	}

	/** The answer stored under the key within the replay window. */
	private Optional<IdempotentRequestRepository.Stored> stored(PartnerPrincipal partner, String key) {
		return this.repository.find(partner.partnerId(), stored(partner.mode(), key),
				this.clock.instant().minus(this.properties.idempotencyTtl()));
	}

	/**
	 * The key as stored: a test key's calls under {@code "test " + key}, so that the
	 * modes never replay each other's answers. A key never holds a space, so no live key
	 * can look like a test one.
	 */
	private static String stored(Mode mode, String key) {
		return mode.isTest() ? "test " + key : key;
	}

	private static ResponseEntity<String> replay(IdempotentRequestRepository.Stored stored, String hash, String key) {
		if (!stored.requestHash().equals(hash)) {
			throw new BadRequestException(ErrorCodes.IDEMPOTENCY_KEY_REUSED, HEADER + " " + Ids.echo(key)
					+ " was already used with a different request; use a new key for a new request");
		}
		return ResponseEntity.status(stored.status())
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotent-Replayed", "true")
			.body(stored.body());
	}

	/** Forgets answers older than the replay window, once an hour. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldAnswers() {
		int deleted = this.repository.deleteOlderThan(this.clock.instant().minus(this.properties.idempotencyTtl()));
		if (deleted > 0) {
			log.info("Forgot {} idempotent answers older than {}", deleted, this.properties.idempotencyTtl());
		}
	}

}
