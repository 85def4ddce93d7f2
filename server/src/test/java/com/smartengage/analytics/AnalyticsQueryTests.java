package com.smartengage.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.smartengage.campaign.Flow;
import com.smartengage.common.web.BadRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyticsQueryTests {

	private static final List<String> STAGES = AnalyticsQuery
		.stages(new Flow(1, "QUIZ", List.of("STARTED", "DONE"), List.of("FAILED"), "DONE", false));

	@Test
	void aFunnelRunsFromTheScanThroughTheFlowsForwardStepsToTheCoupon() {
		assertThat(STAGES).containsExactly("SCANNED", "STARTED", "DONE", "COUPON_ISSUED", "COUPON_REDEEMED");
	}

	@Test
	void breakdownRowsGoByScansDescendingUnlessAskedAndTiesGoByScreenName() {
		List<Breakdown.Row> rows = new ArrayList<>(
				List.of(row(3, "b lobby", 5, 1), row(1, "Entrance", 5, 4), row(2, "a lobby", 9, 0)));

		BreakdownOrder byDefault = BreakdownOrder.parse(STAGES, null, null);
		rows.sort(byDefault.comparator());

		assertThat(byDefault.column()).isEqualTo("SCANNED");
		assertThat(byDefault.direction()).isEqualTo("desc");
		assertThat(rows).extracting(Breakdown.Row::screenId).containsExactly(2L, 3L, 1L);
		rows.sort(BreakdownOrder.parse(STAGES, "screen", null).comparator());
		assertThat(rows).extracting(Breakdown.Row::screenId).containsExactly(2L, 3L, 1L);
		rows.sort(BreakdownOrder.parse(STAGES, " STARTED.conversion ", "DESC").comparator());
		assertThat(rows).extracting(Breakdown.Row::screenId).containsExactly(1L, 3L, 2L);
		assertThat(BreakdownOrder.parse(STAGES, "screen", null).direction()).isEqualTo("asc");
	}

	@Test
	void aBreakdownOrderNamesTheDirectionBeforeTheColumnWhenBothAreWrong() {
		assertThatThrownBy(() -> BreakdownOrder.parse(STAGES, "NOPE", "sideways"))
			.isInstanceOf(BadRequestException.class)
			.hasMessageStartingWith("order must be asc or desc");
		assertThatThrownBy(() -> BreakdownOrder.parse(STAGES, "NOPE", "asc")).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("SCANNED, STARTED, DONE, COUPON_ISSUED, COUPON_REDEEMED");
	}

	@Test
	void periodsFindTheHourOrDayHoldingAScan() {
		ZoneId kolkata = ZoneId.of("Asia/Kolkata");
		Periods days = Periods.of(new ScanRange(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12), kolkata), false);

		assertThat(days.size()).isEqualTo(3);
		assertThat(days.interval()).isEqualTo("day");
		assertThat(days.indexOf(Instant.parse("2026-03-10T18:29:59Z"))).isZero();
		assertThat(days.indexOf(Instant.parse("2026-03-10T18:30:00Z"))).isEqualTo(1);
		assertThat(days.indexOf(Instant.parse("2026-03-12T23:00:00Z"))).isEqualTo(2);
	}

	@Test
	void aTimeSeriesHoldsAtMostAMonthOfHours() {
		ZoneId utc = ZoneId.of("UTC");
		assertThat(Periods.of(new ScanRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), utc), true).size())
			.isEqualTo(Periods.MAX_POINTS);
		assertThatThrownBy(
				() -> Periods.of(new ScanRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), utc), true))
			.isInstanceOf(BadRequestException.class)
			.hasMessage("A time series holds at most 744 points; this range has 745 hours: "
					+ "use interval=day or a shorter range");
	}

	private static Breakdown.Row row(long screenId, String name, long scans, long started) {
		return new Breakdown.Row(screenId, name,
				List.of(new Breakdown.Count("SCANNED", scans, 1, 1),
						new Breakdown.Count("STARTED", started, (double) started / scans, (double) started / scans)),
				0);
	}

}
