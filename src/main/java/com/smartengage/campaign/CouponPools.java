package com.smartengage.campaign;

import java.util.Map;

/**
 * What a campaign's view reads of its coupon pool. The coupon module implements it:
 * coupon depends on campaign (a code belongs to a campaign), so campaign reaches the
 * pools only through this interface and never imports coupon, and the two form no cycle
 * (ADR 0010).
 */
public interface CouponPools {

	/** The campaign's pool in numbers. */
	CampaignView.Coupons count(long campaignId);

	/**
	 * Every campaign's pool in numbers, in one query; campaigns without codes are absent.
	 */
	Map<Long, CampaignView.Coupons> countAll();

}
