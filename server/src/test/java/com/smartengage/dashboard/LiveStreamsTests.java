package com.smartengage.dashboard;

import java.time.Duration;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import com.smartengage.common.infra.ClusterEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Live streams end when the application stops and work again when it starts anew, as a
 * paused and resumed test context does.
 */
class LiveStreamsTests {

	private final CampaignChanges changes = Mockito.mock(CampaignChanges.class);

	private final LiveStreams streams = new LiveStreams(this.changes, Mockito.mock(ClusterEvents.class),
			new DashboardProperties(Duration.ofHours(2), Duration.ofHours(12), false, "UTC", 2, Duration.ofSeconds(15),
					Duration.ofMillis(500), Duration.ofMinutes(10)));

	@Test
	void streamsCloseOnStopAndOpenAgainAfterARestart() {
		ArgumentCaptor<LongConsumer> listener = ArgumentCaptor.forClass(LongConsumer.class);
		Mockito.verify(this.changes).subscribe(listener.capture());
		this.streams.start();
		this.streams.open(7);
		assertThat(this.streams.openStreams()).isEqualTo(1);

		this.streams.stop();
		assertThat(this.streams.openStreams()).isZero();
		assertThatExceptionOfType(LiveStreams.TooManyStreams.class).isThrownBy(() -> this.streams.open(7));
		assertThatNoException().isThrownBy(() -> listener.getValue().accept(7));

		this.streams.start();
		this.streams.open(7);
		assertThat(this.streams.openStreams()).isEqualTo(1);
		assertThatNoException().isThrownBy(() -> listener.getValue().accept(7));
		this.streams.stop();
	}

	@Test
	void theNumberOfStreamsIsBounded() {
		this.streams.start();
		this.streams.open(1);
		this.streams.open(2);

		assertThatExceptionOfType(LiveStreams.TooManyStreams.class).isThrownBy(() -> this.streams.open(3))
			.withMessageContaining("Too many live dashboards");
		assertThat(this.streams.openStreams()).isEqualTo(2);
		this.streams.stop();
	}

}
