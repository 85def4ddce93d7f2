package com.smartengage.campaign;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Campaign defaults and caching.
 *
 * @param defaultSessionTtlMinutes session lifetime of a campaign that sets none
 * @param defaultCouponValidDays coupon validity of a campaign that sets none
 * @param cacheTtl how long campaigns and placements are served from memory on the scan
 * path; changes reach every instance at once as cluster events, this bounds the delay
 * should one be lost
 */
@ConfigurationProperties("smart-engage.campaign")
public record CampaignProperties(@DefaultValue("1440") int defaultSessionTtlMinutes,
		@DefaultValue("30") int defaultCouponValidDays, @DefaultValue("5s") Duration cacheTtl) {
}
