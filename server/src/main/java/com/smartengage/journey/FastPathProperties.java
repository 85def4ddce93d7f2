package com.smartengage.journey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fast paths of the scan and of the partner API's busiest calls (ADR 0007).
 *
 * @param enabled off, every request goes through Spring MVC's controllers, which answer
 * exactly alike: a switch for diagnosis, and for the tests that prove they do
 */
@ConfigurationProperties("smart-engage.fast-paths")
record FastPathProperties(@DefaultValue("true") boolean enabled) {
}
