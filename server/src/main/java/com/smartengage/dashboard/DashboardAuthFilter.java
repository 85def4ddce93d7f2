package com.smartengage.dashboard;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.web.ApiPaths;
import com.smartengage.common.web.FilterOrder;
import com.smartengage.common.web.JsonErrors;
import com.smartengage.common.web.MessagePages;
import com.smartengage.dashboard.OperatorSessions.Operator;

/**
 * Guards {@code /dashboard/**} (the login page aside) with an operator session: pages
 * send a visitor without one to the login page, the scripts' routes under
 * {@code /dashboard/api/} answer 401. Every request that changes something must carry the
 * session's CSRF token, as the form field {@code _csrf} or the header
 * {@code X-CSRF-Token}. Nothing outside {@code /dashboard} is touched.
 */
@Component
@Order(FilterOrder.DASHBOARD_AUTHENTICATION)
class DashboardAuthFilter extends OncePerRequestFilter {

	static final String CSRF_FIELD = "_csrf";

	static final String CSRF_HEADER = "X-CSRF-Token";

	static final String LOGIN = "/dashboard/login";

	static final String CSRF_REFUSED = "This form has expired or did not come from the dashboard. "
			+ "Go back, reload the page and try again.";

	static final String NOT_LOGGED_IN = "Log in to the dashboard first";

	private final OperatorSessions sessions;

	private final JsonErrors errors;

	private final MessagePages pages;

	DashboardAuthFilter(OperatorSessions sessions, JsonErrors errors, MessagePages pages) {
		this.sessions = sessions;
		this.errors = errors;
		this.pages = pages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ApiPaths.isDashboard(ApiPaths.of(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = ApiPaths.of(request);
		request.setAttribute(AuditLog.ACTOR_ATTRIBUTE, OperatorSessions.ACTOR);
		response.setHeader("Cache-Control", "no-store");
		if (path.equals(LOGIN)) {
			// The login form checks its own CSRF cookie: there is no session yet.
			chain.doFilter(request, response);
			return;
		}
		Optional<Operator> operator = this.sessions.find(SessionCookies.read(request, OperatorSessions.COOKIE));
		if (operator.isEmpty()) {
			refuseAnonymous(request, response, path);
			return;
		}
		if (!isSafe(request.getMethod()) && !this.sessions.csrfMatches(operator.get(), presentedCsrf(request))) {
			refuse(response, path, HttpStatus.FORBIDDEN, CSRF_REFUSED);
			return;
		}
		request.setAttribute(OperatorSessions.OPERATOR_ATTRIBUTE, operator.get());
		chain.doFilter(request, response);
	}

	private void refuseAnonymous(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		if (ApiPaths.isJson(path)) {
			this.errors.write(response, HttpServletResponse.SC_UNAUTHORIZED, NOT_LOGGED_IN);
			return;
		}
		String target = LOGIN;
		if (isSafe(request.getMethod())) {
			String next = request.getRequestURI()
					+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
			if (LoginController.isSafeNext(next) && !path.equals(ApiPaths.DASHBOARD)) {
				target += "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
			}
		}
		response
			.setStatus(isSafe(request.getMethod()) ? HttpServletResponse.SC_FOUND : HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", target);
	}

	private void refuse(HttpServletResponse response, String path, HttpStatus status, String message)
			throws IOException {
		if (ApiPaths.isJson(path)) {
			this.errors.write(response, status.value(), message);
			return;
		}
		ResponseEntity<?> page = this.pages.error(path, status, message);
		response.resetBuffer();
		response.setStatus(status.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(String.valueOf(page.getBody()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The header first: reading a form field would consume an upload's body. Only form
	 * bodies are read for the field.
	 */
	private static String presentedCsrf(HttpServletRequest request) {
		String header = request.getHeader(CSRF_HEADER);
		if (header != null) {
			return header;
		}
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			return request.getParameter(CSRF_FIELD);
		}
		return null;
	}

	private static boolean isSafe(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}

}
