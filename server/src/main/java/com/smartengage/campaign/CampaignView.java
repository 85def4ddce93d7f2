package com.smartengage.campaign;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A campaign as the admin API shows it. */
public record CampaignView(long id, @JsonProperty("partner_id") long partnerId, String name,
		@JsonProperty("form_url") String formUrl, String flow, @JsonProperty("starts_at") Instant startsAt,
		@JsonProperty("ends_at") Instant endsAt, boolean paused, String state,
		@JsonProperty("session_ttl_minutes") int sessionTtlMinutes,
		@JsonProperty("coupon_valid_days") int couponValidDays, @JsonProperty("created_at") Instant createdAt,
		Coupons coupons) {

	/** The coupon pool in numbers. */
	public record Coupons(long total, long issued, long redeemed, long left) {

		/** A campaign without a single code. */
		public static final Coupons NONE = counted(0, 0, 0);

		public static Coupons counted(long total, long issued, long redeemed) {
			return new Coupons(total, issued, redeemed, total - issued);
		}

	}

}
