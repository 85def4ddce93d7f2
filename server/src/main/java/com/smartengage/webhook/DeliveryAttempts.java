package com.smartengage.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.text.Ids;

/**
 * One attempt of one delivery, as db-scheduler runs it: sign and send, record what came
 * of it, and say when the next attempt is due (null when there is none). A slow endpoint
 * holds at most {@code max-concurrency-per-endpoint} attempts in flight on an instance;
 * its other due deliveries step aside for a moment instead of waiting, so that other
 * partners' deliveries go on.
 */
@Component
class DeliveryAttempts {

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

	/** How long an attempt waits for its endpoint's turn before stepping aside. */
	private static final Duration LANE_WAIT = Duration.ofMillis(500);

	private final WebhookRepository repository;

	private final WebhookSender sender;

	private final EndpointAddresses addresses;

	private final SecretBox secrets;

	private final EndpointDirectory directory;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final WebhookProperties properties;

	private final Clock clock;

	private final ConcurrentHashMap<Long, Semaphore> lanes = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	DeliveryAttempts(WebhookRepository repository, WebhookSender sender, EndpointAddresses addresses, SecretBox secrets,
			EndpointDirectory directory, AuditLog audit, TransactionTemplate transactions, WebhookProperties properties,
			Clock clock, MeterRegistry meters) {
		this.repository = repository;
		this.sender = sender;
		this.addresses = addresses;
		this.secrets = secrets;
		this.directory = directory;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * What became of a turn of a delivery's task: nothing to do (delivered, failed or
	 * gone meanwhile), try again at a time without an attempt (its endpoint was busy), or
	 * an attempt made, to record.
	 */
	sealed interface Turn {

		record Done() implements Turn {
		}

		record Later(Instant at) implements Turn {
		}

		record Made(WebhookRepository.DueDelivery due, Instant attemptedAt,
				WebhookSender.Outcome outcome) implements Turn {
		}

	}

	/**
	 * Makes the delivery's next attempt, if it is still due and its endpoint has room.
	 */
	Turn attempt(long deliveryId) {
		WebhookRepository.DueDelivery due = this.repository.findDue(deliveryId).orElse(null);
		if (due == null || !WebhookRepository.PENDING.equals(due.state())) {
			return new Turn.Done();
		}
		if (!due.endpointEnabled()) {
			this.repository.fail(deliveryId, "not sent: the endpoint is disabled");
			return new Turn.Done();
		}
		Semaphore lane = this.lanes.computeIfAbsent(due.endpointId(),
				(id) -> new Semaphore(this.properties.maxConcurrencyPerEndpoint()));
		if (!tryAcquire(lane)) {
			// Busy with this endpoint: come back shortly, without counting an attempt.
			return new Turn.Later(this.clock.instant().plusMillis(200 + ThreadLocalRandom.current().nextLong(800)));
		}
		Instant attemptedAt = this.clock.instant();
		try {
			return new Turn.Made(due, attemptedAt, send(due));
		}
		finally {
			lane.release();
		}
	}

	/**
	 * Ends the turn: records the attempt, if one was made, and hands {@code queue} the
	 * next attempt's time (null: none), in one transaction, so that db-scheduler's update
	 * of its task commits with the attempt's record (one commit per attempt, and never
	 * the one without the other).
	 */
	void finish(Turn turn, Consumer<Instant> queue) {
		if (turn instanceof Turn.Later later) {
			queue.accept(later.at());
		}
		else if (turn instanceof Turn.Made made) {
			Instant next = this.transactions.execute((tx) -> {
				Instant at = record(made.due(), made.attemptedAt(), made.outcome());
				queue.accept(at);
				return at;
			});
			counter(made.due().eventType(),
					made.outcome().delivered() ? "delivered" : (next == null ? "failed" : "retrying"))
				.increment();
		}
		else {
			queue.accept(null);
		}
	}

	private boolean tryAcquire(Semaphore lane) {
		try {
			return lane.tryAcquire(LANE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private WebhookSender.Outcome send(WebhookRepository.DueDelivery due) {
		URI url = URI.create(due.url());
		String refusal = this.addresses.refusal(url.getHost());
		if (refusal != null) {
			return new WebhookSender.Outcome(null, "not sent: " + refusal, null, 0);
		}
		List<String> signing = new ArrayList<>(2);
		try {
			signing.add(this.secrets.open(due.sealedSecret()));
			if (due.sealedPreviousSecret() != null && due.previousSecretUntil() != null
					&& due.previousSecretUntil().isAfter(this.clock.instant())) {
				signing.add(this.secrets.open(due.sealedPreviousSecret()));
			}
		}
		catch (IllegalStateException ex) {
			// Another instance's key sealed it: say so in the delivery's log, and retry
			// on
			// the schedule (an instance with the right key may take it).
			log.warn("Webhook delivery {} not sent: {}", due.id(), ex.getMessage());
			return new WebhookSender.Outcome(null, "not sent: " + ex.getMessage(), null, 0);
		}
		return this.sender.send(url, due.webhookId(), due.payload().getBytes(StandardCharsets.UTF_8), signing);
	}

	/** Records the attempt; answers when the next one is due, or null. */
	private Instant record(WebhookRepository.DueDelivery due, Instant attemptedAt, WebhookSender.Outcome outcome) {
		int attempts = due.attempts() + 1;
		boolean delivered = outcome.delivered();
		List<Duration> schedule = this.properties.retrySchedule();
		Instant next = delivered || attempts > schedule.size() ? null
				: this.clock.instant().plus(jittered(schedule.get(attempts - 1)));
		String state = delivered ? WebhookRepository.DELIVERED
				: next == null ? WebhookRepository.FAILED : WebhookRepository.PENDING;
		this.repository.recordAttempt(due.id(), attemptedAt, outcome.durationMs(), outcome.statusCode(),
				outcome.error() == null ? null : Ids.cut(outcome.error(), 500), outcome.response(), state, next);
		if (delivered) {
			if (due.endpointFailingSince() != null) {
				this.repository.markHealthy(due.endpointId());
			}
		}
		else {
			this.repository.markFailing(due.endpointId(), attemptedAt);
			disableIfFailingTooLong(due, attemptedAt);
		}
		return next;
	}

	private void disableIfFailingTooLong(WebhookRepository.DueDelivery due, Instant now) {
		Instant since = due.endpointFailingSince();
		if (since == null || Duration.between(since, now).compareTo(this.properties.disableAfter()) < 0) {
			return;
		}
		String reason = "every attempt failed since " + since + " (" + this.properties.disableAfter().toDays()
				+ " days or more)";
		if (this.repository.setEnabled(due.endpointId(), false, reason, now)) {
			WebhookRepository.EndpointRow endpoint = this.repository.findEndpoint(due.endpointId()).orElseThrow();
			this.audit.record("webhook_endpoint.disabled", "webhook_endpoint", due.endpointId(),
					"partner " + endpoint.partnerId() + ": " + reason);
			this.directory.changed(endpoint.partnerId());
			log.warn("Disabled webhook endpoint {} of partner {}: {}", due.endpointId(), endpoint.partnerId(), reason);
		}
	}

	/** The delay, give or take a fifth, so that retries of many deliveries spread out. */
	static Duration jittered(Duration delay) {
		double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
		return Duration.ofMillis(Math.max(1, Math.round(delay.toMillis() * factor)));
	}

	private Counter counter(String eventType, String outcome) {
		return Counter.builder("smart_engage.webhook.attempts")
			.description("Webhook delivery attempts by event type and outcome")
			.tag("event_type", eventType)
			.tag("outcome", outcome)
			.register(this.meters);
	}

}
