/**
 * Coupon pools (generated or uploaded codes), issuing a code at the reward step and
 * redeeming it at the till, and the shopper's coupon page. Fills a new campaign's pool on
 * CampaignCreated.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coupon")
package com.smartengage.coupon;
