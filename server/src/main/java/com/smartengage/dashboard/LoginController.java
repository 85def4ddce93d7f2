package com.smartengage.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Operators log in with the admin token. The form is protected against login CSRF by a
 * cookie that the hidden field must match (no session exists yet); a successful login
 * always starts a new session.
 */
@Hidden
@Controller
class LoginController {

	/** Where a login may send the operator on: a dashboard path, nothing else. */
	private static final Pattern SAFE_NEXT = Pattern
		.compile("/dashboard(/[A-Za-z0-9._~%/-]*)?(\\?[A-Za-z0-9._~%&=+-]*)?");

	private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);

	private final SecureRandom random = new SecureRandom();

	private final OperatorSessions sessions;

	private final SessionCookies cookies;

	LoginController(OperatorSessions sessions, SessionCookies cookies) {
		this.sessions = sessions;
		this.cookies = cookies;
	}

	@GetMapping("/")
	String root() {
		return "redirect:/dashboard";
	}

	@GetMapping(DashboardAuthFilter.LOGIN)
	String form(@RequestParam(required = false) String next,
			@RequestParam(name = "logged_out", required = false) String loggedOut, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (this.sessions.find(SessionCookies.read(request, OperatorSessions.COOKIE)).isPresent()) {
			return "redirect:" + (isSafeNext(next) ? next : "/dashboard");
		}
		if (loggedOut != null) {
			model.addAttribute("notice", "You are logged out.");
		}
		return page(request, response, model, next, null);
	}

	@PostMapping(DashboardAuthFilter.LOGIN)
	String login(@RequestParam(required = false) String token,
			@RequestParam(name = DashboardAuthFilter.CSRF_FIELD, required = false) String csrf,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String expected = SessionCookies.read(request, SessionCookies.LOGIN_CSRF);
		if (expected == null || csrf == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				csrf.getBytes(StandardCharsets.UTF_8))) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return page(request, response, model, next,
					"This login form has expired or did not come from this server. Please try again.");
		}
		if (!this.sessions.enabled()) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return page(request, response, model, next, null);
		}
		if (!this.sessions.tokenMatches(token)) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return page(request, response, model, next, "That is not the admin token. Check it and try again.");
		}
		String cookie = this.sessions.login(SessionCookies.read(request, OperatorSessions.COOKIE));
		this.cookies.set(request, response, OperatorSessions.COOKIE, cookie, this.sessions.cookieMaxAge(), "Lax");
		this.cookies.clear(request, response, SessionCookies.LOGIN_CSRF);
		return "redirect:" + (isSafeNext(next) ? next : "/dashboard");
	}

	@PostMapping("/dashboard/logout")
	String logout(HttpServletRequest request, HttpServletResponse response) {
		this.sessions.logout(SessionCookies.read(request, OperatorSessions.COOKIE));
		this.cookies.clear(request, response, OperatorSessions.COOKIE);
		return "redirect:/dashboard/login?logged_out";
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, String next,
			String error) {
		String csrf = SessionCookies.read(request, SessionCookies.LOGIN_CSRF);
		if (csrf == null || csrf.length() != 43) {
			byte[] secret = new byte[32];
			this.random.nextBytes(secret);
			csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			this.cookies.set(request, response, SessionCookies.LOGIN_CSRF, csrf, LOGIN_FORM_LIFETIME, "Strict");
		}
		model.addAttribute("loginCsrf", csrf);
		model.addAttribute("next", isSafeNext(next) ? next : null);
		model.addAttribute("error", error);
		model.addAttribute("enabled", this.sessions.enabled());
		model.addAttribute("hideNav", true);
		return "dashboard/login";
	}

	static boolean isSafeNext(String next) {
		return next != null && next.length() <= 500 && SAFE_NEXT.matcher(next).matches() && !next.contains("//")
				&& !next.contains("..");
	}

}
