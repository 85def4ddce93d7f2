package com.smartengage.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;
import com.smartengage.support.StandardWebhooksVerifier;
import com.smartengage.support.TestClock;
import com.smartengage.support.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's webhooks through the dashboard's forms: register an endpoint (its secret
 * shown once), send a test event and read it in the delivery log, see every attempt and
 * the endpoint's answer, retry, rotate, disable, enable, delete. The receiver listens on
 * 127.0.0.1, which the test server allows; it retries after a second.
 */
@IntegrationTest
class DashboardWebhooksIntegrationTests extends ServerTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Pattern SECRET = Pattern.compile("id=\"new-webhook-secret\">(whsec_[A-Za-z0-9+/=]+)<");

	private static final Pattern DELIVERY_ROW = Pattern.compile("<tr id=\"delivery-(\\d+)\">");

	private static final List<String> EVENTS = List.of("session.status_changed", "coupon.issued", "coupon.redeemed");

	@Autowired
	private TestClock clock;

	@Autowired
	private Formats formats;

	private WebhookReceiver receiver;

	private Operator operator;

	private long partner;

	@BeforeEach
	void setUp() {
		this.receiver = new WebhookReceiver();
		this.operator = Operator.loggedIn(this.http);
		this.partner = this.fixtures.partner("Webhook partner " + UUID.randomUUID());
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
		this.receiver.close();
	}

	@Test
	void anEndpointRegisteredOnThePageShowsItsSecretOnceAndItsTestEventInTheLog() {
		Http.Answer form = this.operator.get(webhooksPage());
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		assertThat(form.body()).contains("No endpoints yet");
		EVENTS.forEach((type) -> assertThat(form.body()).containsPattern(ticked(type)));

		String url = this.receiver.url("/orders");
		Http.Answer created = register(url, "Orders & <b>CRM</b>", EVENTS.toArray(String[]::new));

		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.header("Location")).isNull();
		assertThat(created.body()).contains("Copy it now: it is never shown again.")
			.contains("Orders &amp; &lt;b&gt;CRM&lt;/b&gt;")
			.doesNotContain("<b>CRM</b>");
		String secret = secret(created);
		JsonNode endpoint = onlyEndpoint();
		long id = endpoint.get("id").asLong();
		assertThat(endpoint.get("url").asString()).isEqualTo(url);
		assertThat(endpoint.get("description").asString()).isEqualTo("Orders & <b>CRM</b>");
		assertThat(endpoint.get("events").valueStream().map(JsonNode::asString).toList()).isEqualTo(EVENTS);
		Http.Answer reloaded = this.operator.get(webhooksPage());
		assertThat(reloaded.body()).contains(url).doesNotContain(secret).doesNotContain("new-webhook-secret");
		assertThat(this.operator.get("/dashboard/partners").body()).contains(webhooksPage());

		Http.Answer sent = this.operator.submit("/dashboard/webhook-endpoints/" + id + "/test");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
		String log = location(sent);
		assertThat(log).startsWith("/dashboard/webhook-endpoints/" + id + "/deliveries?sent=");
		long deliveryId = Long.parseLong(log.replaceAll(".*sent=(\\d+).*", "$1"));
		WebhookReceiver.Request request = this.receiver.await(ofType("webhook.test"), WAIT);
		assertThat(new StandardWebhooksVerifier(secret).verify(request)).isTrue();

		String page = awaitBody(log, (body) -> body.contains("badge-delivered"));
		assertThat(page).contains("Test event queued as delivery " + deliveryId)
			.contains("<tr id=\"delivery-" + deliveryId + "\">")
			.contains("webhook.test")
			.contains(request.header("webhook-id"))
			.contains("<td class=\"num\">204</td>");
		String detail = this.operator.get("/dashboard/webhook-deliveries/" + deliveryId).body();
		assertThat(detail).contains(escaped(request.text())).contains(request.header("webhook-id"));
		assertThat(attempts(detail)).isEqualTo(1);
	}

	@Test
	void aRefusedUrlIsShownWithTheServersSentenceAndWhatWasTyped() {
		Http.Answer ftp = register("ftp://files.example.com/hook", "Keep me", "coupon.issued");
		assertThat(ftp.status()).isEqualTo(400);
		assertThat(ftp.header("Content-Type")).startsWith("text/html");
		assertThat(ftp.body()).contains("must be an absolute https URL with a host")
			.contains("value=\"ftp://files.example.com/hook\"")
			.contains("value=\"Keep me\"")
			.containsPattern(ticked("coupon.issued"))
			.doesNotContainPattern(ticked("coupon.redeemed"))
			.doesNotContain("new-webhook-secret");

		Http.Answer credentials = register("http://user:pw@127.0.0.1:" + this.receiver.port() + "/x", null,
				"coupon.issued");
		assertThat(credentials.status()).isEqualTo(400);
		assertThat(credentials.body()).contains("url must not hold a user name or password");

		Http.Answer hostile = register("https://example.com/<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
				"coupon.issued");
		assertThat(hostile.status()).isEqualTo(400);
		assertThat(hostile.body()).contains("is not a valid URL")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert")
			.doesNotContain("<img src=x");

		Http.Answer noEvents = register(this.receiver.url("/none"), "No events");
		assertThat(noEvents.status()).isEqualTo(400);
		assertThat(noEvents.body()).contains(WebhookPagesController.NO_EVENTS)
			.contains("value=\"" + this.receiver.url("/none") + "\"");
		EVENTS.forEach((type) -> assertThat(noEvents.body()).doesNotContainPattern(ticked(type)));

		assertThat(endpoints()).isEmpty();
	}

	@Test
	void aFailedDeliveryShowsEveryAttemptWithTheAnswerAndARetryDeliversIt() {
		this.receiver.alwaysAnswer(new WebhookReceiver.Answer(503, Duration.ZERO, "<b>down</b> for maintenance"));
		long id = endpoint("/flaky");
		long deliveryId = sendTest(id);

		// One attempt and the test server's three retries, a second apart.
		String log = awaitBody(logPage(id), (body) -> body.contains("badge-failed"));
		assertThat(log).contains("answered 503")
			.contains("<td class=\"num\">4</td>")
			.contains("action=\"/dashboard/webhook-deliveries/" + deliveryId + "/retry\"");
		String detail = this.operator.get("/dashboard/webhook-deliveries/" + deliveryId).body();
		assertThat(attempts(detail)).isEqualTo(4);
		assertThat(detail).contains("&lt;b&gt;down&lt;/b&gt; for maintenance").doesNotContain("<b>down</b>");
		assertThat(this.operator.get(webhooksPage()).body()).contains("Every attempt has failed since")
			.contains("If that goes on for <span>5 days</span>");

		this.receiver.alwaysAnswer(WebhookReceiver.Answer.status(204));
		Http.Answer retried = this.operator.submit("/dashboard/webhook-deliveries/" + deliveryId + "/retry");
		assertThat(retried.status()).as(retried.toString()).isEqualTo(302);
		assertThat(location(retried)).isEqualTo("/dashboard/webhook-deliveries/" + deliveryId + "?retried");
		assertThat(this.operator.get(location(retried)).body()).contains("is queued to be sent again now");
		String delivered = awaitBody("/dashboard/webhook-deliveries/" + deliveryId,
				(body) -> body.contains("badge-delivered"));
		assertThat(attempts(delivered)).isEqualTo(5);
		assertThat(this.operator.get(webhooksPage()).body()).doesNotContain("Every attempt has failed since");
	}

	@Test
	void rotatingShowsTheNewSecretOnceAndBothSecretsSignForAWhile() {
		JsonNode endpoint = this.fixtures.webhookEndpoint(this.partner, this.receiver.url("/rotating"));
		long id = endpoint.get("id").asLong();
		String before = endpoint.get("secret").asString();

		Http.Answer rotated = this.operator.submit("/dashboard/webhook-endpoints/" + id + "/rotate-secret");

		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		assertThat(rotated.body()).contains("New signing secret")
			.contains("Copy it now: it is never shown again.")
			.contains("id=\"previous-secret-until\"");
		String after = secret(rotated);
		assertThat(after).isNotEqualTo(before);
		assertThat(this.operator.get(webhooksPage()).body()).doesNotContain(after)
			.doesNotContain(before)
			.contains("The secret before the last rotation")
			.contains("also signs deliveries until");
		sendTest(id);
		WebhookReceiver.Request request = this.receiver.await(ofType("webhook.test"), WAIT);
		assertThat(new StandardWebhooksVerifier(after).verify(request)).isTrue();
		assertThat(new StandardWebhooksVerifier(before).verify(request)).isTrue();
	}

	@Test
	void aDisabledEndpointRefusesTestEventsUntilEnabledAgain() {
		long id = endpoint("/toggled");

		Http.Answer disabled = this.operator.submit("/dashboard/webhook-endpoints/" + id + "/disable");
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(302);
		assertThat(location(disabled)).endsWith("/webhooks?disabled=" + id + "#endpoint-" + id);
		String page = this.operator.get(location(disabled)).body();
		assertThat(page).contains("Webhook endpoint " + id + " is disabled")
			.contains("badge-disabled")
			.contains("disabled by an operator")
			.contains("action=\"/dashboard/webhook-endpoints/" + id + "/enable\"")
			.doesNotContain("action=\"/dashboard/webhook-endpoints/" + id + "/test\"");
		Http.Answer refused = this.operator.submit("/dashboard/webhook-endpoints/" + id + "/test");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("is disabled; enable it first").contains("<main");

		Http.Answer enabled = this.operator.submit("/dashboard/webhook-endpoints/" + id + "/enable");
		assertThat(enabled.status()).as(enabled.toString()).isEqualTo(302);
		assertThat(this.operator.get(location(enabled)).body()).contains("Webhook endpoint " + id + " is enabled")
			.contains("badge-enabled")
			.contains("action=\"/dashboard/webhook-endpoints/" + id + "/test\"");
		sendTest(id);
		this.receiver.await(ofType("webhook.test"), WAIT);
	}

	@Test
	void anEndpointDisabledAfterFailingForDaysShowsWhyAndSinceWhenAndCanBeEnabled() {
		this.receiver.alwaysAnswer(WebhookReceiver.Answer.status(500));
		long id = endpoint("/down");
		sendTest(id);
		awaitEndpoint(id, (endpoint) -> !endpoint.get("failing_since").isNull());
		// The next retry, a second later, finds it failing for six days.
		this.clock.set(Instant.now().plus(Duration.ofDays(6)));
		JsonNode disabled;
		try {
			disabled = awaitEndpoint(id, (endpoint) -> !endpoint.get("enabled").asBoolean());
		}
		finally {
			this.clock.reset();
		}
		Instant failingSince = Instant.parse(disabled.get("failing_since").asString());

		String page = this.operator.get(webhooksPage()).body();
		assertThat(page).contains("badge-disabled")
			.contains("every attempt failed since " + failingSince)
			.contains("<span class=\"failing-since\">" + this.formats.dateTime(failingSince) + "</span>")
			.contains("action=\"/dashboard/webhook-endpoints/" + id + "/enable\"");
		assertThat(this.operator.get(logPage(id)).body()).contains("every attempt failed since " + failingSince);

		Http.Answer enabled = this.operator.submit("/dashboard/webhook-endpoints/" + id + "/enable");
		assertThat(enabled.status()).as(enabled.toString()).isEqualTo(302);
		assertThat(this.operator.get(location(enabled)).body()).contains("badge-enabled")
			.doesNotContain("failing-since");
		JsonNode after = onlyEndpoint();
		assertThat(after.get("enabled").asBoolean()).isTrue();
		assertThat(after.get("failing_since").isNull()).isTrue();
	}

	@Test
	void deletingAnEndpointRemovesItAndItsLog() {
		long id = endpoint("/gone");
		long deliveryId = sendTest(id);
		this.receiver.await(ofType("webhook.test"), WAIT);

		Http.Answer deleted = this.operator.submit("/dashboard/webhook-endpoints/" + id + "/delete");

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(302);
		assertThat(this.operator.get(location(deleted)).body())
			.contains("Webhook endpoint " + id + " is deleted with its delivery log")
			.contains("No endpoints yet")
			.doesNotContain(this.receiver.url("/gone"));
		assertThat(this.operator.get(logPage(id)).status()).isEqualTo(404);
		assertThat(this.operator.get("/dashboard/webhook-deliveries/" + deliveryId).status()).isEqualTo(404);
		assertThat(endpoints()).isEmpty();
	}

	@Test
	void theDeliveryLogShowsFiftyAtATimeNewestFirst() {
		long id = endpoint("/many");
		List<Long> sent = new ArrayList<>();
		for (int i = 0; i < WebhookDeliveryPagesController.PAGE_SIZE + 1; i++) {
			Http.Answer test = this.http.post("/admin/api/webhook-endpoints/" + id + "/test").admin().send();
			assertThat(test.status()).as(test.toString()).isEqualTo(202);
			sent.add(0, test.json().get("id").asLong());
		}

		String first = this.operator.get(logPage(id)).body();
		assertThat(rows(first)).isEqualTo(sent.subList(0, WebhookDeliveryPagesController.PAGE_SIZE));
		String older = logPage(id) + "?before_id=" + sent.get(WebhookDeliveryPagesController.PAGE_SIZE - 1);
		assertThat(first).contains("href=\"" + older + "\"").doesNotContain(">Newest<");
		String second = this.operator.get(older).body();
		assertThat(rows(second)).containsExactly(sent.get(WebhookDeliveryPagesController.PAGE_SIZE));
		assertThat(second).contains(">Newest<").doesNotContain("Older deliveries");
		assertThat(this.operator.get(logPage(id) + "?before_id=" + sent.get(sent.size() - 1)).body())
			.contains("No older deliveries");
	}

	@Test
	void unknownEndpointsDeliveriesAndPartnersGetTheOperatorsErrorPage() {
		for (String path : List.of("/dashboard/partners/987654321/webhooks", logPage(987654321),
				"/dashboard/webhook-deliveries/987654321")) {
			assertErrorPage(this.operator.get(path), 404, path);
		}
		for (String action : List.of("test", "rotate-secret", "disable", "enable", "delete")) {
			String path = "/dashboard/webhook-endpoints/987654321/" + action;
			assertErrorPage(this.operator.submit(path), 404, path);
		}
		assertErrorPage(this.operator.submit("/dashboard/webhook-deliveries/987654321/retry"), 404, "retry");
		assertErrorPage(this.operator.submit("/dashboard/partners/987654321/webhooks", "url", this.receiver.url("/x"),
				"events", "coupon.issued"), 404, "create");
		long id = endpoint("/paged");
		assertErrorPage(this.operator.get(logPage(id) + "?before_id=newest"), 400, "before_id");
	}

	private void assertErrorPage(Http.Answer page, int status, String what) {
		assertThat(page.status()).as(what + " " + page).isEqualTo(status);
		assertThat(page.header("Content-Type")).as(what).startsWith("text/html");
		assertThat(page.body()).as(what).contains("Back to campaigns").doesNotContain("Exception");
		if (status == 404) {
			assertThat(page.body()).as(what).contains("Page not found");
		}
	}

	private String webhooksPage() {
		return "/dashboard/partners/" + this.partner + "/webhooks";
	}

	private static String logPage(long endpointId) {
		return "/dashboard/webhook-endpoints/" + endpointId + "/deliveries";
	}

	/** Posts the registration form with these events ticked. */
	private Http.Answer register(String url, String description, String... events) {
		List<String> fields = new ArrayList<>(List.of("url", url));
		if (description != null) {
			fields.addAll(List.of("description", description));
		}
		for (String event : events) {
			fields.addAll(List.of("events", event));
		}
		return this.operator.submit(webhooksPage(), fields.toArray(String[]::new));
	}

	/** An endpoint of the partner on the receiver, registered through the admin API. */
	private long endpoint(String path) {
		return this.fixtures.webhookEndpoint(this.partner, this.receiver.url(path)).get("id").asLong();
	}

	/** Sends a test event with the page's button; answers its delivery's id. */
	private long sendTest(long endpointId) {
		Http.Answer sent = this.operator.submit("/dashboard/webhook-endpoints/" + endpointId + "/test");
		assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
		return Long.parseLong(location(sent).replaceAll(".*sent=(\\d+).*", "$1"));
	}

	private List<JsonNode> endpoints() {
		return this.http.get("/admin/api/partners/" + this.partner + "/webhook-endpoints")
			.admin()
			.send()
			.json()
			.valueStream()
			.toList();
	}

	private JsonNode onlyEndpoint() {
		List<JsonNode> endpoints = endpoints();
		assertThat(endpoints).hasSize(1);
		return endpoints.get(0);
	}

	private JsonNode awaitEndpoint(long id, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			JsonNode endpoint = this.http.get("/admin/api/webhook-endpoints/" + id).admin().send().json();
			if (condition.test(endpoint)) {
				return endpoint;
			}
			assertThat(System.nanoTime()).as("endpoint within %s: %s", WAIT, endpoint).isLessThan(deadline);
			sleep(50);
		}
	}

	private String awaitBody(String path, Predicate<String> condition) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Http.Answer page = this.operator.get(path);
			assertThat(page.status()).as(path + " " + page).isEqualTo(200);
			if (condition.test(page.body())) {
				return page.body();
			}
			assertThat(System.nanoTime()).as("%s within %s: %s", path, WAIT, page.body()).isLessThan(deadline);
			sleep(100);
		}
	}

	private String location(Http.Answer answer) {
		return answer.header("Location").replace(this.http.base(), "");
	}

	private static String secret(Http.Answer page) {
		Matcher secret = SECRET.matcher(page.body());
		assertThat(secret.find()).as(page.body()).isTrue();
		return secret.group(1);
	}

	private static Pattern ticked(String type) {
		return Pattern.compile("name=\"events\" value=\"" + Pattern.quote(type) + "\"\\s+checked");
	}

	private static Predicate<WebhookReceiver.Request> ofType(String type) {
		return (request) -> request.text().contains("\"type\":\"" + type + "\"");
	}

	private static int attempts(String detail) {
		return detail.split("<tr class=\"attempt\">", -1).length - 1;
	}

	private static List<Long> rows(String log) {
		Matcher row = DELIVERY_ROW.matcher(log);
		List<Long> ids = new ArrayList<>();
		while (row.find()) {
			ids.add(Long.parseLong(row.group(1)));
		}
		return ids;
	}

	/** Text as th:text writes it. */
	private static String escaped(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
