package com.smartengage.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics rollups.
 *
 * @param rollupInterval pause between two runs of the rollup step, which adds new journey
 * events to the funnel rollups; answers are exact either way (events not rolled up yet
 * are read directly), a longer pause only makes those reads larger
 * @param rollupBatch journey events the rollup step adds in one transaction
 */
@ConfigurationProperties("smart-engage.analytics")
public record AnalyticsProperties(@DefaultValue("1s") Duration rollupInterval, @DefaultValue("20000") int rollupBatch) {
}
