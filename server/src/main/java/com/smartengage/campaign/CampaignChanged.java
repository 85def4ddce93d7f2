package com.smartengage.campaign;

/**
 * A campaign changed in a way its open pages show: paused or resumed, placed on a screen,
 * codes added to its pool. Published by the application service that made the change,
 * whichever way it was asked (admin API, dashboard page, dashboard script); listen after
 * commit.
 */
public record CampaignChanged(long campaignId) {
}
