package com.smartengage.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie is Secure over HTTPS, or always when configured. */
class SessionCookiesTests {

	@Test
	void theCookieIsSecureOverHttps() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(true);

		assertThat(cookie(false, request)).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void theCookieIsSecureOverHttpWhenConfigured() {
		assertThat(cookie(true, new MockHttpServletRequest())).contains("Secure");
	}

	@Test
	void overPlainHttpWithoutTheSettingItIsNot() {
		assertThat(cookie(false, new MockHttpServletRequest())).doesNotContain("Secure")
			.contains("Path=/dashboard")
			.contains("Max-Age=60");
	}

	private static String cookie(boolean secure, MockHttpServletRequest request) {
		DashboardProperties properties = new DashboardProperties(Duration.ofHours(2), Duration.ofHours(12), secure,
				"UTC", 200, Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofMinutes(10));
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SessionCookies(properties).set(request, response, "SE_DASHBOARD", "value", Duration.ofMinutes(1), "Lax");
		return response.getHeader("Set-Cookie");
	}

}
