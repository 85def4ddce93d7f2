/**
 * Campaigns, their flows (the steps of a journey) and their placements on screens: the
 * rules, the schedule and the cached copy the hot paths read. Publishes CampaignCreated
 * and CampaignChanged; reads coupon pools through CouponPools, which the coupon module
 * implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign")
package com.smartengage.campaign;
