package com.smartengage.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

	private final Formats formats = new Formats(new DashboardProperties(Duration.ofHours(2), Duration.ofHours(12),
			false, "Asia/Bangkok", 200, Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofMinutes(10)));

	@Test
	void aDurationIsSaidInItsLargestWholeUnit() {
		assertThat(this.formats.duration(Duration.ofDays(5))).isEqualTo("5 days");
		assertThat(this.formats.duration(Duration.ofHours(24))).isEqualTo("1 day");
		assertThat(this.formats.duration(Duration.ofHours(36))).isEqualTo("36 hours");
		assertThat(this.formats.duration(Duration.ofMinutes(1))).isEqualTo("1 minute");
		assertThat(this.formats.duration(Duration.ofSeconds(90))).isEqualTo("90 seconds");
	}

	@Test
	void timesWithSecondsAreInTheDashboardsZone() {
		assertThat(this.formats.dateTimeSeconds(Instant.parse("2026-03-01T17:30:05Z")))
			.isEqualTo("2 Mar 2026, 00:30:05");
		assertThat(this.formats.dateTimeSeconds(null)).isEqualTo("–");
	}

}
