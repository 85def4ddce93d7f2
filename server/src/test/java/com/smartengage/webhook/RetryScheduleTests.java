package com.smartengage.webhook;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	@Test
	void theDefaultScheduleRetriesWithinTenSecondsThenForAboutThreeDays() {
		WebhookProperties defaults = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("smart-engage.webhooks", WebhookProperties.class);
		List<Duration> schedule = defaults.retrySchedule();
		assertThat(schedule.get(0)).isEqualTo(Duration.ofSeconds(5));
		assertThat(schedule.subList(1, 5)).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2), Duration.ofHours(5));
		Duration total = schedule.stream().reduce(Duration.ZERO, Duration::plus);
		assertThat(total).isBetween(Duration.ofHours(60), Duration.ofHours(80));
		assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.disableAfter()).isEqualTo(Duration.ofDays(5));
		assertThat(defaults.rotationOverlap()).isEqualTo(Duration.ofHours(24));
		assertThat(defaults.allowHttp()).isFalse();
		assertThat(defaults.allowPrivateAddresses()).isFalse();
	}

	@Test
	void jitterSpreadsEachDelayByAFifthEitherWay() {
		for (int i = 0; i < 1000; i++) {
			Duration first = DeliveryAttempts.jittered(Duration.ofSeconds(5));
			assertThat(first).isBetween(Duration.ofMillis(4000), Duration.ofMillis(6000));
		}
	}

}
