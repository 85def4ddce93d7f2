package com.smartengage.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTests {

	@Test
	void percentileInterpolatesLikePercentileCont() {
		assertThat(times(10, 20, 30, 40).percentile(0, 0.5)).isEqualTo(25.0);
		assertThat(times(10, 20, 30, 40).percentile(0, 0.9)).isEqualTo(37.0);
		assertThat(times(7).percentile(0, 0.9)).isEqualTo(7.0);
	}

	@Test
	void percentileOfNothingIsNull() {
		assertThat(times().percentile(0, 0.5)).isNull();
	}

	/** One stage reached after each of these seconds. */
	private static Tally times(long... seconds) {
		Tally tally = new Tally(1);
		for (long s : seconds) {
			tally.time(0, s, 1);
		}
		return tally;
	}

}
