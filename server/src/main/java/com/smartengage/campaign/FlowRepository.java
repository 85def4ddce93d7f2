package com.smartengage.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.smartengage.common.infra.SqlTime;

/** SQL for flows and their steps. */
@Repository
class FlowRepository {

	private static final String INSERT_FLOW = """
			INSERT INTO flow (name, reward_step, built_in, created_at) VALUES (:name, :rewardStep, FALSE, :createdAt)
			""";

	private static final String INSERT_STEP = """
			INSERT INTO flow_step (flow_id, position, name, failure) VALUES (:flowId, :position, :name, :failure)
			""";

	private static final String SELECT_FLOWS = """
			SELECT f.id, f.name, f.reward_step, f.built_in, s.name AS step, s.failure
			FROM flow f JOIN flow_step s ON s.flow_id = f.id
			ORDER BY f.id, s.position
			""";

	private static final String SELECT_FLOW = """
			SELECT f.id, f.name, f.reward_step, f.built_in, s.name AS step, s.failure
			FROM flow f JOIN flow_step s ON s.flow_id = f.id
			WHERE f.id = :id
			ORDER BY s.position
			""";

	private static final String SELECT_FLOW_BY_NAME = """
			SELECT f.id, f.name, f.reward_step, f.built_in, s.name AS step, s.failure
			FROM flow f JOIN flow_step s ON s.flow_id = f.id
			WHERE f.name = :name
			ORDER BY s.position
			""";

	private final JdbcClient jdbc;

	FlowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, List<String> steps, List<String> failureSteps, String rewardStep, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT_FLOW)
			.param("name", name)
			.param("rewardStep", rewardStep)
			.param("createdAt", SqlTime.param(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		int position = 1;
		for (String step : steps) {
			insertStep(id, position++, step, false);
		}
		for (String step : failureSteps) {
			insertStep(id, position++, step, true);
		}
		return id;
	}

	private void insertStep(long flowId, int position, String name, boolean failure) {
		this.jdbc.sql(INSERT_STEP)
			.param("flowId", flowId)
			.param("position", position)
			.param("name", name)
			.param("failure", failure)
			.update();
	}

	List<Flow> findAll() {
		return assemble(this.jdbc.sql(SELECT_FLOWS).query(FlowRepository::row).list());
	}

	Optional<Flow> findById(long id) {
		return assemble(this.jdbc.sql(SELECT_FLOW).param("id", id).query(FlowRepository::row).list()).stream()
			.findFirst();
	}

	Optional<Flow> findByName(String name) {
		return assemble(this.jdbc.sql(SELECT_FLOW_BY_NAME).param("name", name).query(FlowRepository::row).list())
			.stream()
			.findFirst();
	}

	private static StepRow row(ResultSet rs, int i) throws SQLException {
		return new StepRow(rs.getLong("id"), rs.getString("name"), rs.getString("reward_step"),
				rs.getBoolean("built_in"), rs.getString("step"), rs.getBoolean("failure"));
	}

	private static List<Flow> assemble(List<StepRow> rows) {
		Map<Long, List<StepRow>> byFlow = new LinkedHashMap<>();
		rows.forEach((row) -> byFlow.computeIfAbsent(row.id(), (id) -> new ArrayList<>()).add(row));
		List<Flow> flows = new ArrayList<>();
		byFlow.forEach((id, steps) -> {
			StepRow first = steps.get(0);
			flows.add(new Flow(id, first.name(), steps.stream().filter((s) -> !s.failure()).map(StepRow::step).toList(),
					steps.stream().filter(StepRow::failure).map(StepRow::step).toList(), first.rewardStep(),
					first.builtIn()));
		});
		return flows;
	}

	private record StepRow(long id, String name, String rewardStep, boolean builtIn, String step, boolean failure) {
	}

}
