package com.smartengage.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where shoppers and partners reach this server, for the URLs it hands out (scan, QR,
 * coupon).
 *
 * @param publicUrl the server's public root URL ({@code SMART_ENGAGE_PUBLIC_URL}), e.g.
 * {@code https://engage.example.com}; when unset, the URL the current request came in on
 */
@ConfigurationProperties("smart-engage")
public record PublicUrl(String publicUrl) {

	public PublicUrl {
		// Normalized once here, not on every URL handed out.
		publicUrl = (publicUrl == null || publicUrl.isBlank()) ? null : publicUrl.strip().replaceAll("/+$", "");
	}

	/** The shopper's coupon page for a coupon token. */
	public String couponUrl(String token) {
		return base() + "/c/" + token;
	}

	/** The scan URL a placement's QR code carries. */
	public String scanUrl(String slug) {
		return base() + "/s/" + slug;
	}

	/** The root URL without a trailing slash. */
	public String base() {
		if (this.publicUrl != null) {
			return this.publicUrl;
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		}
		return "http://localhost:8080";
	}

}
