package com.smartengage.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The running server on a random port over real HTTP, on the database the run is for (H2
 * or PostgreSQL, see {@link TestDatabase}). All such tests share one application context.
 * Metrics are exported as in production (tests turn exporters off unless asked), so that
 * {@code /actuator/prometheus} answers. Webhooks may go to a receiver on 127.0.0.1 over
 * plain http, and retry after a second rather than minutes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(DatabaseAvailableExtension.class)
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "smart-engage.admin.token=" + IntegrationTest.ADMIN_TOKEN,
				"smart-engage.metrics.token=" + IntegrationTest.METRICS_TOKEN,
				"smart-engage.webhooks.secret-key=" + IntegrationTest.WEBHOOK_SECRET_KEY,
				"smart-engage.webhooks.allow-private-addresses=true", "smart-engage.webhooks.allow-http=true",
				"smart-engage.webhooks.retry-schedule=1s,1s,1s", "smart-engage.webhooks.timeout=2s",
				"smart-engage.webhooks.polling-interval=500ms" })
@Import(TestDatabaseConfiguration.class)
public @interface IntegrationTest {

	/** The admin token of the server under test. */
	String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

	/** The token Prometheus would scrape the server under test with. */
	String METRICS_TOKEN = "test-metrics-token-fedcba9876543210";

	/**
	 * The key that encrypts webhook secrets at rest, the same for every instance a test
	 * starts (base64 of 32 bytes).
	 */
	String WEBHOOK_SECRET_KEY = "c21hcnQtZW5nYWdlLXRlc3Qtd2ViaG9vay1rZXktMzI=";

}
