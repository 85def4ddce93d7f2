package com.smartengage.campaign;

import java.util.Map;

import com.smartengage.common.web.BadRequestException;

/**
 * What a campaign's view reads of its coupon pool. The coupon module implements it:
 * coupon depends on campaign (a code belongs to a campaign), so campaign reaches the
 * pools only through this interface and never imports coupon, and the two form no cycle
 * (ADR 0010).
 */
public interface CouponPools {

	/** Most codes one campaign creation or upload may add. */
	int MAX_CODES = 1_000_000;

	/** Checks the size of a pool's addition before anything is stored. */
	static void checkCount(int count) {
		if (count < 0 || count > MAX_CODES) {
			throw new BadRequestException("A pool takes 0 to " + MAX_CODES + " codes at a time, not " + count);
		}
	}

	/** The campaign's pool in numbers. */
	CampaignView.Coupons count(long campaignId);

	/**
	 * Every campaign's pool in numbers, in one query; campaigns without codes are absent.
	 */
	Map<Long, CampaignView.Coupons> countAll();

}
