package com.smartengage.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent.
 *
 * @param allowPrivateAddresses whether endpoints may resolve to loopback, link-local,
 * private or cloud metadata addresses (tests and local setups only)
 * @param allowHttp whether endpoints may use plain {@code http}
 * @param timeout how long one attempt may take, connection to last byte read
 * @param rotationOverlap how long the secret before a rotation still signs
 * @param retrySchedule the delay before each retry after the first attempt; once all are
 * used up, the delivery is failed
 * @param disableAfter how long an endpoint may fail every attempt before it is disabled
 * @param maxConcurrencyPerEndpoint attempts to one endpoint in flight at once, per
 * instance
 * @param threads attempts in flight at once, per instance
 * @param pollingInterval how often an instance looks for due attempts it was not told of
 * @param heartbeatInterval how often an instance marks its attempts in flight as alive;
 * six missed beats and another instance takes them over
 * @param secretKey the key (base64, 32 bytes) that encrypts signing secrets at rest;
 * every instance needs the same one
 * @param secretKeyFile where a key is kept when {@code secret-key} is not set (created on
 * first start; fine for one instance, not for several)
 * @param logRetention how long delivered and failed deliveries stay in the log
 * @param sending whether this instance makes attempts (the outbox is written either way)
 */
@ConfigurationProperties("smart-engage.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue("false") boolean allowHttp, @DefaultValue("10s") Duration timeout,
		@DefaultValue("24h") Duration rotationOverlap, @DefaultValue( {
				"5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h", "10h", "10h", "10h" }) List<Duration> retrySchedule,
		@DefaultValue("5d") Duration disableAfter, @DefaultValue("4") int maxConcurrencyPerEndpoint,
		@DefaultValue("16") int threads, @DefaultValue("2s") Duration pollingInterval,
		@DefaultValue("30s") Duration heartbeatInterval, String secretKey,
		@DefaultValue("./data/webhook-secret.key") Path secretKeyFile, @DefaultValue("30d") Duration logRetention,
		@DefaultValue("true") boolean sending){

	public WebhookProperties {
		positive("timeout", timeout);
		positive("rotation-overlap", rotationOverlap);
		positive("disable-after", disableAfter);
		positive("polling-interval", pollingInterval);
		positive("heartbeat-interval", heartbeatInterval);
		positive("log-retention", logRetention);
		for (Duration delay : retrySchedule) {
			positive("retry-schedule", delay);
		}
		if (maxConcurrencyPerEndpoint < 1 || threads < 1) {
			throw new IllegalArgumentException(
					"smart-engage.webhooks.max-concurrency-per-endpoint and .threads must be at least 1");
		}
		retrySchedule = List.copyOf(retrySchedule);
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("smart-engage.webhooks." + name + " must be positive, not " + value);
		}
	}

}
