package com.smartengage.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's browser over plain HTTP: keeps the dashboard's cookies, logs in with the
 * admin token and sends forms with the session's CSRF token.
 */
final class Operator {

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

	private static final Pattern LOGIN_CSRF_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

	private final Http http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	Operator(Http http) {
		this.http = http;
	}

	/** Logs in with the admin token and answers this operator. */
	static Operator loggedIn(Http http) {
		Operator operator = new Operator(http);
		Http.Answer answer = operator.login(IntegrationTest.ADMIN_TOKEN);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
		operator.refreshCsrf();
		return operator;
	}

	/**
	 * Opens the login form (unless it was opened already), then posts it with the given
	 * token.
	 */
	Http.Answer login(String token) {
		String field = cookie(SessionCookies.LOGIN_CSRF);
		if (field == null) {
			Http.Answer form = get("/dashboard/login");
			assertThat(form.status()).as(form.toString()).isEqualTo(200);
			Matcher hidden = LOGIN_CSRF_FIELD.matcher(form.body());
			assertThat(hidden.find()).as(form.body()).isTrue();
			field = hidden.group(1);
			assertThat(field).isEqualTo(cookie(SessionCookies.LOGIN_CSRF));
		}
		return post("/dashboard/login", Map.of("_csrf", field, "token", token));
	}

	/** Reads the CSRF token of the session from a page. */
	String refreshCsrf() {
		Http.Answer page = get("/dashboard/screens");
		Matcher meta = CSRF_META.matcher(page.body());
		assertThat(meta.find()).as(page.toString()).isTrue();
		this.csrf = meta.group(1);
		return this.csrf;
	}

	String csrf() {
		return this.csrf;
	}

	String cookie(String name) {
		return this.cookies.get(name);
	}

	void setCookie(String name, String value) {
		this.cookies.put(name, value);
	}

	Http.Answer get(String path) {
		return remember(withCookies(this.http.get(path)).send());
	}

	/** A form post with the session's CSRF token added. */
	Http.Answer submit(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", this.csrf);
		return post(path, all);
	}

	/**
	 * A form post of names and values in turn, with the session's CSRF token added; a
	 * name may repeat, as ticked check boxes do.
	 */
	Http.Answer submit(String path, String... namesAndValues) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
		}
		fields.add(Map.entry("_csrf", this.csrf));
		return post(path, fields);
	}

	/** A form post exactly as given. */
	Http.Answer post(String path, Map<String, String> fields) {
		return post(path, List.copyOf(fields.entrySet()));
	}

	private Http.Answer post(String path, List<Map.Entry<String, String>> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((field) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)));
		return remember(withCookies(this.http.post(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.body(body.toString())
			.send());
	}

	Http.Call call(String method, String path) {
		return withCookies(this.http.call(method, path));
	}

	private Http.Call withCookies(Http.Call call) {
		if (!this.cookies.isEmpty()) {
			StringBuilder header = new StringBuilder();
			this.cookies.forEach((name,
					value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
			call.header("Cookie", header.toString());
		}
		return call;
	}

	private Http.Answer remember(Http.Answer answer) {
		for (String cookie : setCookies(answer)) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq);
			String value = pair.substring(eq + 1);
			if (value.isEmpty()) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
		return answer;
	}

	static List<String> setCookies(Http.Answer answer) {
		return answer.headers()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((e) -> e.getValue().stream())
			.toList();
	}

}
