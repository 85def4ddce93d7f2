package com.smartengage.campaign;

import java.util.List;

/**
 * A campaign was created, in the transaction still open: the coupon module fills its pool
 * from the request (the codes given, or the quota to generate) before the transaction
 * commits, so that a campaign never exists without the pool it was created with.
 *
 * @param campaignId the new campaign
 * @param partnerId its partner, whose codes must stay unique
 * @param couponQuota how many codes to generate (0 for none; at most
 * {@link CouponPools#MAX_CODES}, checked before); ignored when codes are given
 * @param couponCodes the codes given with the request, or {@code null}
 */
public record CampaignCreated(long campaignId, long partnerId, int couponQuota, List<String> couponCodes) {
}
