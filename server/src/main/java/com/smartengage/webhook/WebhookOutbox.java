package com.smartengage.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.smartengage.coupon.CouponIssued;
import com.smartengage.coupon.CouponRedeemed;
import com.smartengage.journey.SessionStatusChanged;

/**
 * Turns the journey's and the coupons' events into deliveries, inside the transaction
 * that made the change (these listeners run synchronously, before it commits): one row
 * per subscribed endpoint of the event's mode (a sandbox session's events go to test
 * endpoints only, a live one's to live endpoints only), and its first attempt queued. A
 * partner without endpoints costs one lookup in memory.
 */
@Component
class WebhookOutbox {

	private final SecureRandom random = new SecureRandom();

	private final EndpointDirectory directory;

	private final WebhookRepository repository;

	private final DeliveryQueue queue;

	private final JsonMapper json;

	private final Clock clock;

	WebhookOutbox(EndpointDirectory directory, WebhookRepository repository, DeliveryQueue queue, JsonMapper json,
			Clock clock) {
		this.directory = directory;
		this.repository = repository;
		this.queue = queue;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void on(SessionStatusChanged event) {
		enqueue(event.partnerId(), event.test(), WebhookEventType.SESSION_STATUS_CHANGED, event.changedAt(), () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("session_id", event.sessionId().toString());
			data.put("campaign_id", event.campaignId());
			data.put("screen_id", event.screenId());
			data.put("status", event.status());
			data.put("previous_status", event.previousStatus());
			data.put("changed_at", event.changedAt().toString());
			return data;
		});
	}

	@EventListener
	void on(CouponIssued event) {
		enqueue(event.partnerId(), event.test(), WebhookEventType.COUPON_ISSUED, event.issuedAt(), () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("session_id", event.sessionId().toString());
			data.put("campaign_id", event.campaignId());
			data.put("coupon_code", event.couponCode());
			data.put("issued_at", event.issuedAt().toString());
			data.put("expires_at", event.expiresAt().toString());
			return data;
		});
	}

	@EventListener
	void on(CouponRedeemed event) {
		enqueue(event.partnerId(), event.test(), WebhookEventType.COUPON_REDEEMED, event.redeemedAt(), () -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("session_id", event.sessionId().toString());
			data.put("campaign_id", event.campaignId());
			data.put("coupon_code", event.couponCode());
			data.put("redeemed_at", event.redeemedAt().toString());
			return data;
		});
	}

	private void enqueue(long partnerId, boolean test, WebhookEventType type, Instant at,
			Supplier<Map<String, Object>> data) {
		List<Long> endpoints = new ArrayList<>(1);
		for (EndpointDirectory.Subscriber subscriber : this.directory.subscribers(partnerId)) {
			if (subscriber.test() == test && subscriber.types().contains(type)) {
				endpoints.add(subscriber.endpointId());
			}
		}
		if (!endpoints.isEmpty()) {
			write(endpoints, type.wireName(), at, data.get());
		}
	}

	/**
	 * Queues the event for each endpoint, in the caller's transaction; answers the
	 * deliveries' ids, in the endpoints' order.
	 */
	List<Long> write(List<Long> endpointIds, String type, Instant at, Map<String, Object> data) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("timestamp", at.toString());
		body.put("data", data);
		String payload = this.json.writeValueAsString(body);
		String webhookId = newWebhookId();
		Instant now = this.clock.instant();
		List<Long> deliveries = new ArrayList<>(endpointIds.size());
		for (long endpointId : endpointIds) {
			deliveries.add(this.repository.insertDelivery(endpointId, webhookId, type, payload, now));
		}
		this.queue.schedule(deliveries, now);
		return deliveries;
	}

	private String newWebhookId() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
