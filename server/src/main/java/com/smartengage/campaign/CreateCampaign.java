package com.smartengage.campaign;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /admin/api/campaigns}; only partner_id, name and form_url are
 * required.
 */
public record CreateCampaign(@JsonProperty("partner_id") Long partnerId, String name,
		@JsonProperty("form_url") String formUrl, String flow, @JsonProperty("coupon_quota") Integer couponQuota,
		@JsonProperty("coupon_codes") List<String> couponCodes,
		@JsonProperty("coupon_valid_days") Integer couponValidDays, @JsonProperty("starts_at") String startsAt,
		@JsonProperty("ends_at") String endsAt, @JsonProperty("session_ttl_minutes") Integer sessionTtlMinutes) {
}
