package com.smartengage.coupon;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.smartengage.campaign.CampaignView;
import com.smartengage.campaign.CouponPools;

/** The pools in numbers, for the campaign module's views. */
@Component
class PoolCounts implements CouponPools {

	private final CouponPoolRepository repository;

	PoolCounts(CouponPoolRepository repository) {
		this.repository = repository;
	}

	@Override
	public CampaignView.Coupons count(long campaignId) {
		return this.repository.count(campaignId);
	}

	@Override
	public Map<Long, CampaignView.Coupons> countAll() {
		return this.repository.countAll();
	}

}
