package com.smartengage.analytics;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollupMathTests {

	@Test
	void timeBucketsAreExactBelowOneHundredSecondsThenKeepTwoSignificantDigits() {
		assertThat(TimeBuckets.of(0)).isZero();
		assertThat(TimeBuckets.of(99)).isEqualTo(99);
		assertThat(TimeBuckets.of(100)).isEqualTo(100);
		assertThat(TimeBuckets.of(109)).isEqualTo(100);
		assertThat(TimeBuckets.of(987)).isEqualTo(980);
		assertThat(TimeBuckets.of(1234)).isEqualTo(1200);
		assertThat(TimeBuckets.of(86_399)).isEqualTo(86_000);
		assertThat(TimeBuckets.of(-5)).isZero();
	}

	@Test
	void aRangeSplitsIntoRawMinutesWholeHoursAndWholeDays() {
		// Kolkata's 2026-03-10 to 2026-03-12: starts and ends half an hour off UTC.
		Slices slices = Slices.of(Instant.parse("2026-03-09T18:30:00Z"), Instant.parse("2026-03-12T18:30:00Z"));
		assertThat(slices.firstHour()).isEqualTo(Instant.parse("2026-03-09T19:00:00Z"));
		assertThat(slices.firstDay()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
		assertThat(slices.lastDay()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
		assertThat(slices.lastHour()).isEqualTo(Instant.parse("2026-03-12T18:00:00Z"));
	}

	@Test
	void aRangeWithinOneHourIsReadRawOnly() {
		Slices slices = Slices.of(Instant.parse("2026-03-09T18:30:00Z"), Instant.parse("2026-03-09T18:50:00Z"));
		assertThat(slices.firstHour()).isEqualTo(slices.end());
		assertThat(slices.lastHour()).isEqualTo(slices.end());
	}

	@Test
	void aRangeWithinOneDayHasHoursButNoDays() {
		Slices slices = Slices.of(Instant.parse("2026-03-09T05:00:00Z"), Instant.parse("2026-03-09T07:15:00Z"));
		assertThat(slices.firstHour()).isEqualTo(Instant.parse("2026-03-09T05:00:00Z"));
		assertThat(slices.firstDay()).isEqualTo(slices.lastDay());
		assertThat(slices.lastHour()).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
	}

	@Test
	void ceilingKeepsAnInstantOnTheBoundaryAndRoundsUpAFractionOfASecond() {
		assertThat(Slices.ceil(Instant.parse("2026-03-09T05:00:00Z"), java.time.Duration.ofHours(1)))
			.isEqualTo(Instant.parse("2026-03-09T05:00:00Z"));
		assertThat(Slices.ceil(Instant.parse("2026-03-09T05:00:00.000001Z"), java.time.Duration.ofHours(1)))
			.isEqualTo(Instant.parse("2026-03-09T06:00:00Z"));
	}

}
