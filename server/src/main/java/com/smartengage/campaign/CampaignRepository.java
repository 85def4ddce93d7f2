package com.smartengage.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/** SQL for campaigns. */
@Repository
class CampaignRepository {

	private static final String COLUMNS = """
			id, partner_id, flow_id, name, form_url, starts_at, ends_at, paused, session_ttl_minutes,
			coupon_valid_days, created_at
			""";

	private static final String INSERT = """
			INSERT INTO campaign (partner_id, flow_id, name, form_url, starts_at, ends_at, paused,
			    session_ttl_minutes, coupon_valid_days, created_at)
			VALUES (:partnerId, :flowId, :name, :formUrl, :startsAt, :endsAt, FALSE,
			    :sessionTtlMinutes, :couponValidDays, :createdAt)
			""";

	private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM campaign ORDER BY id";

	private static final String SELECT_BY_PARTNER = "SELECT " + COLUMNS
			+ " FROM campaign WHERE partner_id = :partnerId ORDER BY id";

	private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM campaign WHERE id = :id";

	private static final String SET_PAUSED = """
			UPDATE campaign SET paused = :paused WHERE id = :id
			""";

	private final JdbcClient jdbc;

	CampaignRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Campaign c) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("partnerId", c.partnerId())
			.param("flowId", c.flowId())
			.param("name", c.name())
			.param("formUrl", c.formUrl())
			.param("startsAt", SqlTime.param(c.startsAt()))
			.param("endsAt", SqlTime.param(c.endsAt()))
			.param("sessionTtlMinutes", c.sessionTtlMinutes())
			.param("couponValidDays", c.couponValidDays())
			.param("createdAt", SqlTime.param(c.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	List<Campaign> findAll(Long partnerId) {
		if (partnerId == null) {
			return this.jdbc.sql(SELECT_ALL).query(CampaignRepository::campaign).list();
		}
		return this.jdbc.sql(SELECT_BY_PARTNER)
			.param("partnerId", partnerId)
			.query(CampaignRepository::campaign)
			.list();
	}

	Optional<Campaign> findById(long id) {
		return this.jdbc.sql(SELECT_ONE).param("id", id).query(CampaignRepository::campaign).optional();
	}

	boolean setPaused(long id, boolean paused) {
		return this.jdbc.sql(SET_PAUSED).param("id", id).param("paused", paused).update() == 1;
	}

	private static Campaign campaign(ResultSet rs, int row) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getLong("partner_id"), rs.getLong("flow_id"), rs.getString("name"),
				rs.getString("form_url"), SqlTime.get(rs, "starts_at"), SqlTime.get(rs, "ends_at"),
				rs.getBoolean("paused"), rs.getInt("session_ttl_minutes"), rs.getInt("coupon_valid_days"),
				SqlTime.get(rs, "created_at"));
	}

}
