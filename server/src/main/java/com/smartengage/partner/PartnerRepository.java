package com.smartengage.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/** SQL for partners and their API keys. */
@Repository
class PartnerRepository {

	private static final String INSERT_PARTNER = """
			INSERT INTO partner (name, created_at) VALUES (:name, :createdAt)
			""";

	private static final String SELECT_PARTNERS = """
			SELECT id, name, created_at FROM partner ORDER BY id
			""";

	private static final String SELECT_PARTNER = """
			SELECT id, name, created_at FROM partner WHERE id = :id
			""";

	private static final String INSERT_KEY = """
			INSERT INTO api_key (partner_id, key_hash, key_prefix, test, created_at)
			VALUES (:partnerId, :keyHash, :keyPrefix, :test, :createdAt)
			""";

	private static final String SELECT_KEYS = """
			SELECT id, partner_id, key_prefix, test, created_at, revoked_at
			FROM api_key WHERE partner_id = :partnerId ORDER BY id
			""";

	private static final String SELECT_KEY = """
			SELECT id, partner_id, key_prefix, test, created_at, revoked_at FROM api_key WHERE id = :id
			""";

	private static final String SELECT_ACTIVE_KEY_BY_HASH = """
			SELECT id, partner_id, key_hash, test FROM api_key WHERE key_hash = :keyHash AND revoked_at IS NULL
			""";

	private static final String REVOKE_KEY = """
			UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL
			""";

	private final JdbcClient jdbc;

	PartnerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Partner insertPartner(String name, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_PARTNER).param("name", name).param("createdAt", SqlTime.param(now)).update(keys, "id");
		return new Partner(keys.getKeyAs(Long.class), name, now);
	}

	List<Partner> findAll() {
		return this.jdbc.sql(SELECT_PARTNERS).query(PartnerRepository::partner).list();
	}

	Optional<Partner> findById(long id) {
		return this.jdbc.sql(SELECT_PARTNER).param("id", id).query(PartnerRepository::partner).optional();
	}

	long insertKey(long partnerId, String keyHash, String keyPrefix, Mode mode, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_KEY)
			.param("partnerId", partnerId)
			.param("keyHash", keyHash)
			.param("keyPrefix", keyPrefix)
			.param("test", mode.isTest())
			.param("createdAt", SqlTime.param(now))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	List<ApiKeyView> findKeys(long partnerId) {
		return this.jdbc.sql(SELECT_KEYS).param("partnerId", partnerId).query(PartnerRepository::keyView).list();
	}

	Optional<ApiKeyView> findKey(long id) {
		return this.jdbc.sql(SELECT_KEY).param("id", id).query(PartnerRepository::keyView).optional();
	}

	Optional<StoredKey> findActiveKeyByHash(String keyHash) {
		return this.jdbc.sql(SELECT_ACTIVE_KEY_BY_HASH)
			.param("keyHash", keyHash)
			.query((rs, i) -> new StoredKey(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("key_hash"),
					Mode.of(rs.getBoolean("test"))))
			.optional();
	}

	/** Revokes the key; false when it was revoked already or does not exist. */
	boolean revokeKey(long id, Instant now) {
		return this.jdbc.sql(REVOKE_KEY).param("id", id).param("now", SqlTime.param(now)).update() == 1;
	}

	private static ApiKeyView keyView(ResultSet rs, int row) throws SQLException {
		Instant revoked = SqlTime.get(rs, "revoked_at");
		return new ApiKeyView(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("key_prefix"),
				Mode.of(rs.getBoolean("test")).wireName(), SqlTime.get(rs, "created_at"), revoked, revoked == null);
	}

	private static Partner partner(ResultSet rs, int row) throws SQLException {
		return new Partner(rs.getLong("id"), rs.getString("name"), SqlTime.get(rs, "created_at"));
	}

	record StoredKey(long id, long partnerId, String keyHash, Mode mode) {

		/** Without the hash, should a key ever be logged. */
		@Override
		public String toString() {
			return "StoredKey[id=" + this.id + ", partnerId=" + this.partnerId + ", mode=" + this.mode
					+ ", keyHash=(not shown)]";
		}

	}

}
