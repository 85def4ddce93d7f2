package com.smartengage.analytics;

import java.util.List;

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

	@Test
	void countsConvertFromTheStageBeforeAndFromTheScan() {
		Tally tally = new Tally(3);
		for (int scan = 0; scan < 4; scan++) {
			tally.event("SCANNED", -1, 0, 0);
		}
		tally.reached(1, 2);
		tally.reached(2, 1);

		assertThat(tally.sessions()).containsExactly(4L, 2L, 1L);
		assertThat(tally.counts(List.of("SCANNED", "FORM_SUBMITTED", "FORM_APPROVED"))).containsExactly(
				new Breakdown.Count("SCANNED", 4, 1.0, 1.0), new Breakdown.Count("FORM_SUBMITTED", 2, 0.5, 0.5),
				new Breakdown.Count("FORM_APPROVED", 1, 0.5, 0.25));
	}

	@Test
	void countsOfNoScansConvertNothing() {
		assertThat(new Tally(2).counts(List.of("SCANNED", "FORM_SUBMITTED"))).containsExactly(
				new Breakdown.Count("SCANNED", 0, 0.0, 0.0), new Breakdown.Count("FORM_SUBMITTED", 0, 0.0, 0.0));
	}

	@Test
	void sessionsThatPassedStagesCountForEachOfThemAsEventsDo() {
		Tally passed = new Tally(4);
		Tally events = new Tally(4);

		passed.passed(-1, 0, 3);
		passed.passed(0, 2, 2);
		passed.passed(2, 9, 1);
		passed.passed(1, -1, 5);
		for (int[] event : new int[][] { { -1, 0 }, { -1, 0 }, { -1, 0 }, { 0, 2 }, { 0, 2 }, { 2, 9 } }) {
			events.event("STEP", event[0], event[1], 0);
		}

		assertThat(passed.sessions()).containsExactly(3L, 2L, 2L, 1L).isEqualTo(events.sessions());
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
