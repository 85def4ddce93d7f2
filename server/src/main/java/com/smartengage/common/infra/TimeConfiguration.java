package com.smartengage.common.infra;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every feature reads time from, so that tests can fix it. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock() {
		// Microseconds: what both databases keep, so an answer and a later read agree.
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

}
