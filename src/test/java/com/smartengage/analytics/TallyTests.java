package com.smartengage.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsServiceTests {

	@Test
	void percentileInterpolatesLikePercentileCont() {
		long[] seconds = { 10, 20, 30, 40 };
		assertThat(AnalyticsService.percentile(seconds, 0.5)).isEqualTo(25.0);
		assertThat(AnalyticsService.percentile(seconds, 0.9)).isEqualTo(37.0);
		assertThat(AnalyticsService.percentile(new long[] { 7 }, 0.9)).isEqualTo(7.0);
	}

	@Test
	void percentileOfNothingIsNull() {
		assertThat(AnalyticsService.percentile(new long[0], 0.5)).isNull();
	}

}
