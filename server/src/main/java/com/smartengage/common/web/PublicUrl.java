package com.smartengage.common.web;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.smartengage.common.text.Ids;

/**
 * Where shoppers and partners reach this server, for the URLs it hands out (scan, QR,
 * coupon).
 * <p>
 * Without a public URL the URLs follow the request, but only when its {@code Host} is one
 * the operator allowed: anyone can send {@code Host: evil.example}, and a coupon URL or a
 * printed QR code must never point there. A request for any other host gets URLs on
 * {@code localhost} and the log says, once, which setting is missing.
 *
 * @param publicUrl the server's public root URL ({@code SMART_ENGAGE_PUBLIC_URL}), e.g.
 * {@code https://engage.example.com}; when unset, the URL the current request came in on
 * @param allowedHosts without a public URL, the host names (or IP addresses) a request's
 * URL may be built on ({@code SMART_ENGAGE_ALLOWED_HOSTS}, comma-separated; {@code *}
 * allows any, for a trusted network only)
 */
@ConfigurationProperties("smart-engage")
public record PublicUrl(String publicUrl, @DefaultValue( {
		"localhost", "127.0.0.1", "[::1]" }) List<String> allowedHosts){

	private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

	private static final AtomicBoolean warned = new AtomicBoolean();

	public PublicUrl {
		// Normalized once here, not on every URL handed out.
		publicUrl = (publicUrl == null || publicUrl.isBlank()) ? null : publicUrl.strip().replaceAll("/+$", "");
		allowedHosts = allowedHosts == null ? List.of()
				: allowedHosts.stream().map((host) -> host.strip().toLowerCase(Locale.ROOT)).toList();
		if (publicUrl == null) {
			log.info("No public URL is set (SMART_ENGAGE_PUBLIC_URL): scan, QR and coupon URLs follow the request "
					+ "for the hosts {} and name localhost for any other; set it in production.", allowedHosts);
		}
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
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			if (allows(request.getServerName())) {
				return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
			}
			if (warned.compareAndSet(false, true)) {
				log.warn("A request named the host {}, which is not allowed: URLs handed out name localhost instead. "
						+ "Set SMART_ENGAGE_PUBLIC_URL to the server's public root URL (or list the host in "
						+ "SMART_ENGAGE_ALLOWED_HOSTS).", Ids.echo(request.getServerName()));
			}
			return request.getScheme() + "://localhost:" + request.getLocalPort() + request.getContextPath();
		}
		return "http://localhost:8080";
	}

	private boolean allows(String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		// Tomcat gives an IPv6 host without its brackets.
		String bracketed = name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name;
		return this.allowedHosts.contains("*") || this.allowedHosts.contains(name)
				|| this.allowedHosts.contains(bracketed);
	}

}
