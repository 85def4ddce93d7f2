package com.smartengage.common.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HttpDeadlinesTests {

	private static final long SECOND = 1_000_000_000L;

	private static final long T0 = 123 * SECOND;

	private final HttpDeadlines deadlines = HttpDeadlines.of(new HttpDeadlineProperties(true, Duration.ofSeconds(5),
			Duration.ofSeconds(5), 500, Duration.ofMillis(250)));

	@Test
	void headersAreLateOnlyAfterTheHeaderTimeout() {
		assertThat(this.deadlines.headersLate(T0, T0 + 5 * SECOND)).isFalse();
		assertThat(this.deadlines.headersLate(T0, T0 + 5 * SECOND + 1)).isTrue();
	}

	@Test
	void aBodyIsNeverLateWithinTheGrace() {
		assertThat(this.deadlines.bodyLate(T0, T0 + 5 * SECOND, 0)).isFalse();
	}

	@Test
	void aBodyOwesTheMinimumRateAfterTheGrace() {
		// 2 s after the grace, 1000 bytes are owed.
		assertThat(this.deadlines.bodyLate(T0, T0 + 7 * SECOND, 1000)).isFalse();
		assertThat(this.deadlines.bodyLate(T0, T0 + 7 * SECOND, 999)).isTrue();
	}

	@Test
	void aPhoneOnASlowLinkIsNeverLate() {
		// 16 KB at 2 KB/s, far below 3G: at every second, more sent than owed.
		for (int second = 0; second <= 8; second++) {
			assertThat(this.deadlines.bodyLate(T0, T0 + second * SECOND, Math.min(16_384, 2_048L * second)))
				.as("after %d s", second)
				.isFalse();
		}
	}

	@Test
	void anUnreadBodyIsLateOnceItsRestCouldHaveComeAtTheMinimumRate() {
		// 1000 bytes left at 500 bytes/s: due 2 s after the grace.
		assertThat(this.deadlines.bodyLate(T0, T0 + 7 * SECOND, 1000)).isFalse();
		assertThat(this.deadlines.bodyLate(T0, T0 + 7 * SECOND + SECOND / 100, 1000)).isTrue();
	}

	@Test
	void refusesDeadlinesThatCouldNeverBeMet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpDeadlineProperties(true, Duration.ZERO, Duration.ofSeconds(5), 500,
					Duration.ofMillis(250)))
			.withMessageContaining("smart-engage.http.header-timeout");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpDeadlineProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(5), 0,
					Duration.ofMillis(250)))
			.withMessageContaining("smart-engage.http.body-min-rate");
	}

}
