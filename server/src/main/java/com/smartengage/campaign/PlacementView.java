package com.smartengage.campaign;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A placement as the admin API shows it, with the URLs to print. */
public record PlacementView(long id, String slug, @JsonProperty("campaign_id") long campaignId,
		@JsonProperty("screen_id") long screenId, @JsonProperty("scan_url") String scanUrl,
		@JsonProperty("qr_png_url") String qrPngUrl, @JsonProperty("qr_svg_url") String qrSvgUrl,
		@JsonProperty("created_at") Instant createdAt) {
}
