package com.smartengage.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import com.smartengage.common.infra.ClusterEvents;
import com.smartengage.journey.JourneyRecorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Journey events of many campaigns become at most one cluster message per window. */
class CampaignChangesTests {

	private final List<String> published = new CopyOnWriteArrayList<>();

	private final ClusterEvents events = Mockito.mock(ClusterEvents.class);

	CampaignChangesTests() {
		Mockito.doAnswer((call) -> this.published.add(call.getArgument(1)))
			.when(this.events)
			.publish(Mockito.eq(CampaignChanges.TOPIC), Mockito.anyString());
	}

	@Test
	void theFirstChangeGoesOutAtOnceAndAFloodIsCoalesced() throws Exception {
		CampaignChanges changes = new CampaignChanges(this.events, properties(Duration.ofMillis(500)));
		try {
			changes.journeyRecorded(new JourneyRecorded(7, 1, "SCANNED"));
			await().atMost(Duration.ofMillis(300)).until(() -> this.published.size() == 1);
			assertThat(this.published).containsExactly("7");

			long end = System.nanoTime() + Duration.ofMillis(1200).toNanos();
			int marks = 0;
			while (System.nanoTime() < end) {
				changes.journeyRecorded(new JourneyRecorded(marks % 3, 1, "SCANNED"));
				marks++;
			}
			Thread.sleep(700);

			// 1.2 s of changes: a message at most every 500 ms, each holding every
			// campaign.
			assertThat(marks).isGreaterThan(1000);
			assertThat(this.published.size()).isBetween(2, 5);
			Set<Long> heard = new TreeSet<>();
			this.published.subList(1, this.published.size())
				.forEach((payload) -> Arrays.stream(payload.split(",")).map(Long::valueOf).forEach(heard::add));
			assertThat(heard).containsExactly(0L, 1L, 2L);
		}
		finally {
			changes.destroy();
		}
	}

	@Test
	void subscribersHearEachCampaignOfAMessage() {
		CampaignChanges changes = new CampaignChanges(this.events, properties(Duration.ofMillis(500)));
		List<Long> heard = new ArrayList<>();
		Mockito.doAnswer((call) -> {
			call.<Consumer<String>>getArgument(1).accept("3,14,15");
			return null;
		}).when(this.events).subscribe(Mockito.eq(CampaignChanges.TOPIC), Mockito.any());

		changes.subscribe(heard::add);

		assertThat(heard).containsExactly(3L, 14L, 15L);
		changes.destroy();
	}

	static DashboardProperties properties(Duration coalesce) {
		return new DashboardProperties(Duration.ofHours(2), Duration.ofHours(12), false, "UTC", 200,
				Duration.ofSeconds(15), coalesce, Duration.ofMinutes(10));
	}

}
