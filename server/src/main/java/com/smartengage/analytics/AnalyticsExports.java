package com.smartengage.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.campaign.Campaign;
import com.smartengage.campaign.CampaignService;
import com.smartengage.campaign.Flow;
import com.smartengage.campaign.FlowService;
import com.smartengage.common.infra.SqlTime;
import com.smartengage.screen.ScreenService;

/**
 * CSV exports of a campaign: its sessions (streamed row by row, so millions export in
 * constant memory), its funnel and its breakdown by screen.
 */
@Service
public class AnalyticsExports {

	/**
	 * A session's events, in order, with the coupon it holds: one row an event, grouped
	 * by session while streaming. Live sessions only: a sandbox session (ADR 0012) has no
	 * journey events and no screen, and the query leaves it out by name as well.
	 */
	private static final String SESSIONS = """
			SELECT s.id, s.screen_id, s.created_at, s.status, e.step, e.occurred_at, c.code, c.issued_at, c.redeemed_at
			FROM journey_session s
			JOIN journey_event e ON e.session_id = s.id
			LEFT JOIN coupon c ON c.session_id = s.id
			WHERE s.campaign_id = :campaignId AND s.created_at >= :from AND s.created_at < :to
			  AND s.screen_id BETWEEN :screenLow AND :screenHigh AND s.test = FALSE
			ORDER BY s.created_at, s.id, e.id
			""";

	/**
	 * One width for every time, to the millisecond, so that a fixed pattern parses them
	 * all (OffsetDateTime's toString() leaves out zero seconds).
	 */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

	private final NamedParameterJdbcTemplate streaming;

	private final CampaignService campaigns;

	private final FlowService flows;

	private final ScreenService screens;

	AnalyticsExports(DataSource dataSource, CampaignService campaigns, FlowService flows, ScreenService screens) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a cursor inside a transaction when a fetch size is set.
		template.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(template);
		this.campaigns = campaigns;
		this.flows = flows;
		this.screens = screens;
	}

	/**
	 * Checks the parameters of a sessions export before anything is written, so that a
	 * bad request gets its 400 and not half a file.
	 */
	public void checkSessions(long campaignId, String from, String to, String tz) {
		this.campaigns.get(campaignId);
		ScanRange.parse(from, to, tz);
	}

	/**
	 * One line a session: id, screen, scan time, the time of each step, the failure step
	 * if any, coupon code, issue and redemption times; times in the range's zone.
	 */
	@Transactional(readOnly = true)
	public void sessions(long campaignId, String from, String to, Long screenId, String tz, Writer out) {
		Campaign campaign = this.campaigns.get(campaignId);
		ScanRange range = ScanRange.parse(from, to, tz);
		Flow flow = this.flows.get(campaign.flowId());
		List<String> steps = flow.steps();
		Map<Long, String> names = new HashMap<>();
		this.screens.list().forEach((screen) -> names.put(screen.id(), screen.name()));
		Csv csv = new Csv(out);
		List<String> header = new ArrayList<>(List.of("session_id", "screen_id", "screen_name", "scanned_at"));
		steps.forEach((step) -> header.add(step.toLowerCase(Locale.ROOT) + "_at"));
		header.addAll(List.of("failed_step", "failed_at", "coupon_code", "coupon_issued_at", "coupon_redeemed_at"));
		csv.row(header);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("campaignId", campaign.id())
			.addValue("from", SqlTime.param(range.start()))
			.addValue("to", SqlTime.param(range.end()))
			.addValue("screenLow", screenId == null ? 1 : screenId)
			.addValue("screenHigh", screenId == null ? Long.MAX_VALUE : screenId);
		SessionLine line = new SessionLine(steps, flow, range.zone(), names, csv);
		this.streaming.query(SESSIONS, params, (ResultSet rs) -> line.accept(rs));
		line.flush();
		csv.flush();
	}

	/**
	 * The funnel as CSV: one line a step, then one a failure step and where it branched.
	 */
	public void funnel(Funnel funnel, Writer out) {
		Csv csv = new Csv(out);
		csv.row(List.of("step", "kind", "after_step", "sessions", "conversion_from_previous", "conversion_from_scan",
				"median_seconds_from_scan", "p90_seconds_from_scan"));
		for (Funnel.Step step : funnel.steps()) {
			csv.row(List.of(step.step(), "step", "", Long.toString(step.sessions()),
					number(step.conversionFromPrevious()), number(step.conversionFromScan()),
					number(step.medianSecondsFromScan()), number(step.p90SecondsFromScan())));
		}
		for (Funnel.Failure failure : funnel.failures()) {
			csv.row(List.of(failure.step(), "failure", failure.afterStep() == null ? "" : failure.afterStep(),
					Long.toString(failure.sessions()), "", "", "", ""));
		}
		csv.flush();
	}

	/** The breakdown as CSV: one line a screen, sessions then conversions per step. */
	public void breakdown(Breakdown breakdown, Writer out) {
		Csv csv = new Csv(out);
		List<String> header = new ArrayList<>(List.of("screen_id", "screen_name"));
		breakdown.steps().forEach(header::add);
		breakdown.steps().forEach((step) -> header.add(step + "_conversion_from_scan"));
		header.add("failures");
		csv.row(header);
		for (Breakdown.Row row : breakdown.rows()) {
			List<String> cells = new ArrayList<>(List.of(Long.toString(row.screenId()), row.screenName()));
			row.steps().forEach((count) -> cells.add(Long.toString(count.sessions())));
			row.steps().forEach((count) -> cells.add(number(count.conversionFromScan())));
			cells.add(Long.toString(row.failures()));
			csv.row(cells);
		}
		csv.flush();
	}

	private static String number(Double value) {
		if (value == null) {
			return "";
		}
		return value == Math.rint(value) ? Long.toString(value.longValue()) : Double.toString(value);
	}

	/**
	 * Collects the event rows of one session and writes its line when the next begins.
	 */
	private static final class SessionLine {

		private final List<String> steps;

		private final Flow flow;

		private final ZoneId zone;

		private final Map<Long, String> screenNames;

		private final Csv csv;

		private UUID id;

		private String[] cells;

		SessionLine(List<String> steps, Flow flow, ZoneId zone, Map<Long, String> screenNames, Csv csv) {
			this.steps = steps;
			this.flow = flow;
			this.zone = zone;
			this.screenNames = screenNames;
			this.csv = csv;
		}

		void accept(ResultSet rs) throws SQLException {
			UUID session = rs.getObject("id", UUID.class);
			if (!session.equals(this.id)) {
				flush();
				this.id = session;
				this.cells = new String[4 + this.steps.size() + 5];
				Arrays.fill(this.cells, "");
				long screenId = rs.getLong("screen_id");
				this.cells[0] = session.toString();
				this.cells[1] = Long.toString(screenId);
				this.cells[2] = this.screenNames.getOrDefault(screenId, "");
				this.cells[3] = time(SqlTime.get(rs, "created_at"));
				int coupon = 4 + this.steps.size() + 2;
				String code = rs.getString("code");
				this.cells[coupon] = code == null ? "" : code;
				this.cells[coupon + 1] = time(SqlTime.get(rs, "issued_at"));
				this.cells[coupon + 2] = time(SqlTime.get(rs, "redeemed_at"));
			}
			String step = rs.getString("step");
			int index = this.steps.indexOf(step);
			if (index >= 0 && this.cells[4 + index].isEmpty()) {
				this.cells[4 + index] = time(SqlTime.get(rs, "occurred_at"));
			}
			else if (this.flow.isFailure(step)) {
				this.cells[4 + this.steps.size()] = step;
				this.cells[4 + this.steps.size() + 1] = time(SqlTime.get(rs, "occurred_at"));
			}
		}

		void flush() {
			if (this.cells != null) {
				this.csv.row(List.of(this.cells));
				this.cells = null;
			}
		}

		private String time(Instant instant) {
			return instant == null ? "" : TIME.format(OffsetDateTime.ofInstant(instant, this.zone));
		}

	}

	/**
	 * RFC 4180 lines. A text cell that a spreadsheet would run as a formula (it starts
	 * with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe.
	 */
	static final class Csv {

		private final Writer out;

		Csv(Writer out) {
			this.out = out;
		}

		void row(List<String> cells) {
			try {
				for (int i = 0; i < cells.size(); i++) {
					if (i > 0) {
						this.out.write(',');
					}
					this.out.write(cell(cells.get(i)));
				}
				this.out.write("\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void flush() {
			try {
				this.out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static String cell(String value) {
			String text = value;
			if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
				text = "'" + text;
			}
			if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
				return "\"" + text.replace("\"", "\"\"") + "\"";
			}
			return text;
		}

		private static boolean isNumber(String text) {
			try {
				Double.parseDouble(text);
				return true;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}

	}

}
