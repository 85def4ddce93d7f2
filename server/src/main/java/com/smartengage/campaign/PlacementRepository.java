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

/** SQL for placements. */
@Repository
class PlacementRepository {

	private static final String INSERT = """
			INSERT INTO placement (slug, campaign_id, screen_id, created_at)
			VALUES (:slug, :campaignId, :screenId, :createdAt)
			""";

	private static final String SELECT_BY_CAMPAIGN = """
			SELECT id, slug, campaign_id, screen_id, created_at FROM placement WHERE campaign_id = :campaignId ORDER BY id
			""";

	private static final String SELECT_BY_SLUG = """
			SELECT id, slug, campaign_id, screen_id, created_at FROM placement WHERE slug = :slug
			""";

	private static final String SELECT_BY_CAMPAIGN_AND_SCREEN = """
			SELECT id, slug, campaign_id, screen_id, created_at FROM placement
			WHERE campaign_id = :campaignId AND screen_id = :screenId
			""";

	private final JdbcClient jdbc;

	PlacementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Placement p) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT)
			.param("slug", p.slug())
			.param("campaignId", p.campaignId())
			.param("screenId", p.screenId())
			.param("createdAt", SqlTime.param(p.createdAt()))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	List<Placement> findByCampaign(long campaignId) {
		return this.jdbc.sql(SELECT_BY_CAMPAIGN).param("campaignId", campaignId).query(PlacementRepository::row).list();
	}

	Optional<Placement> findBySlug(String slug) {
		return this.jdbc.sql(SELECT_BY_SLUG).param("slug", slug).query(PlacementRepository::row).optional();
	}

	Optional<Placement> findByCampaignAndScreen(long campaignId, long screenId) {
		return this.jdbc.sql(SELECT_BY_CAMPAIGN_AND_SCREEN)
			.param("campaignId", campaignId)
			.param("screenId", screenId)
			.query(PlacementRepository::row)
			.optional();
	}

	private static Placement row(ResultSet rs, int i) throws SQLException {
		return new Placement(rs.getLong("id"), rs.getString("slug"), rs.getLong("campaign_id"), rs.getLong("screen_id"),
				SqlTime.get(rs, "created_at"));
	}

}
