package com.smartengage.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

import com.smartengage.common.infra.ClusterEvents;

/**
 * Which enabled endpoints of a partner receive which events, asked on every journey write
 * and so kept in memory. A change to a partner's endpoints is told to every instance
 * through {@link ClusterEvents} once it commits; should that message be lost, the entry's
 * lifetime bounds the delay.
 */
@Component
class EndpointDirectory {

	/** Cluster event topic: a partner's endpoints changed (payload: the partner's id). */
	static final String CHANGED = "webhook-endpoints-changed";

	private final WebhookRepository repository;

	private final ClusterEvents events;

	private final Cache<Long, List<Subscriber>> subscribers = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(100_000)
		.build();

	EndpointDirectory(WebhookRepository repository, ClusterEvents events) {
		this.repository = repository;
		this.events = events;
		events.subscribe(CHANGED, (payload) -> this.subscribers.invalidate(Long.parseLong(payload)));
		events.onMissedMessages(this.subscribers::invalidateAll);
	}

	/**
	 * An enabled endpoint, the events it receives, and whether it hears sandbox sessions
	 * (a test endpoint) or live ones.
	 */
	record Subscriber(long endpointId, Set<WebhookEventType> types, boolean test) {
	}

	List<Subscriber> subscribers(long partnerId) {
		return this.subscribers.get(partnerId,
				(id) -> this.repository.findEndpoints(id)
					.stream()
					.filter(WebhookRepository.EndpointRow::enabled)
					.map((row) -> new Subscriber(row.id(), row.types(), row.mode().isTest()))
					.toList());
	}

	/**
	 * Tells every instance, once the transaction commits, that the partner's endpoints
	 * changed.
	 */
	void changed(long partnerId) {
		this.events.publish(CHANGED, Long.toString(partnerId));
	}

}
