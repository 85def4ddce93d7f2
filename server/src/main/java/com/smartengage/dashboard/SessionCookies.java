package com.smartengage.dashboard;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The dashboard's cookies: HttpOnly, SameSite, scoped to {@code /dashboard} so that they
 * never travel with API, scan or coupon requests, and {@code Secure} over HTTPS or when
 * configured.
 */
@Component
class SessionCookies {

	/**
	 * The login form's CSRF cookie, compared with the form's hidden field (double
	 * submit).
	 */
	static final String LOGIN_CSRF = "SE_DASHBOARD_LOGIN";

	static final String PATH = "/dashboard";

	private final DashboardProperties properties;

	SessionCookies(DashboardProperties properties) {
		this.properties = properties;
	}

	/** The value of the named cookie, or null. */
	static String read(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	void set(HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge,
			String sameSite) {
		ResponseCookie cookie = ResponseCookie.from(name, value)
			.path(PATH)
			.httpOnly(true)
			.secure(this.properties.secureCookie() || request.isSecure())
			.sameSite(sameSite)
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	void clear(HttpServletRequest request, HttpServletResponse response, String name) {
		set(request, response, name, "", Duration.ZERO, "Lax");
	}

}
