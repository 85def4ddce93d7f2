package com.smartengage.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.smartengage.analytics.ReadPlan.Range;
import com.smartengage.analytics.ReadPlan.Screens;

import static org.assertj.core.api.Assertions.assertThat;

class ReadPlanTests {

	private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

	@Test
	void aUtcDayOfEveryScreenComesFromItsDailyRowsAndItsPendingEvents() {
		ReadPlan plan = ReadPlan.funnel(new ScanRange(DAY, DAY, ZoneId.of("UTC")), null);

		assertThat(plan.cover().parts()).singleElement()
			.isEqualTo(new ReadPlan.Cover.Part(24,
					new Range(Instant.parse("2026-03-10T00:00:00Z"), Instant.parse("2026-03-11T00:00:00Z"))));
		assertThat(plan.raw()).noneMatch(Range::isNotEmpty);
		assertThat(plan.pending()).filteredOn(Range::isNotEmpty).hasSize(1);
		assertThat(plan.rolledUp()).isEqualTo(Screens.TOGETHER);
		assertThat(plan.events()).isEqualTo(Screens.EACH);
	}

	@Test
	void theHalfHoursAtTheEndsOfAKolkataDayComeFromEvents() {
		ReadPlan plan = ReadPlan.funnel(new ScanRange(DAY, DAY, ZoneId.of("Asia/Kolkata")), null);

		assertThat(plan.raw()).filteredOn(Range::isNotEmpty)
			.containsExactly(new Range(Instant.parse("2026-03-09T18:30:00Z"), Instant.parse("2026-03-09T19:00:00Z")),
					new Range(Instant.parse("2026-03-10T18:00:00Z"), Instant.parse("2026-03-10T18:30:00Z")));
		assertThat(plan.cover().parts()).allMatch((part) -> part.hours() == 1);
	}

	@Test
	void oneScreensHoursComeFromItsEventsSinceItsTimesAreRolledUpByDayOnly() {
		ReadPlan plan = ReadPlan.funnel(new ScanRange(DAY, DAY.plusDays(1), ZoneId.of("Asia/Bangkok")), 7L);

		assertThat(plan.cover().parts()).singleElement().matches((part) -> part.hours() == 24);
		assertThat(plan.raw()).filteredOn(Range::isNotEmpty)
			.containsExactly(new Range(Instant.parse("2026-03-09T17:00:00Z"), Instant.parse("2026-03-10T00:00:00Z")),
					new Range(Instant.parse("2026-03-11T00:00:00Z"), Instant.parse("2026-03-11T17:00:00Z")));
		assertThat(plan.rolledUp()).isEqualTo(Screens.one(7));
		assertThat(plan.events()).isEqualTo(Screens.one(7));
	}

	@Test
	void anHourlySeriesInKolkataReadsEveryHourFromItsEventsInOneRun() {
		ScanRange range = new ScanRange(DAY, DAY, ZoneId.of("Asia/Kolkata"));
		ReadPlan plan = ReadPlan.timeSeries(range, Periods.of(range, true), null);

		assertThat(plan.raw()).filteredOn(Range::isNotEmpty)
			.containsExactly(new Range(Instant.parse("2026-03-09T18:30:00Z"), Instant.parse("2026-03-10T18:00:00Z")),
					new Range(Instant.parse("2026-03-10T18:00:00Z"), Instant.parse("2026-03-10T18:30:00Z")));
		assertThat(plan.rawHours()).hasSize(23);
		assertThat(plan.isRawHour(Instant.parse("2026-03-10T05:59:59Z"))).isTrue();
	}

	@Test
	void aDailySeriesInUtcReadsEveryHourFromItsRows() {
		ScanRange range = new ScanRange(DAY, DAY.plusDays(1), ZoneId.of("UTC"));
		ReadPlan plan = ReadPlan.timeSeries(range, Periods.of(range, false), null);

		assertThat(plan.raw()).noneMatch(Range::isNotEmpty);
		assertThat(plan.rawHours()).isEmpty();
		assertThat(plan.isRawHour(Instant.parse("2026-03-10T05:00:00Z"))).isFalse();
		assertThat(plan.cover().parts()).singleElement().matches((part) -> part.hours() == 1);
	}

}
