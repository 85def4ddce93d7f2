package com.smartengage.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.text.Texts;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.partner.Mode;
import com.smartengage.partner.PartnerService;

/**
 * Partners' webhook endpoints and their delivery logs: the one place that the admin API
 * and the dashboard both call, so that validation, audit and the other instances' caches
 * are handled once.
 */
@Service
public class WebhookEndpoints {

	static final int MAX_DESCRIPTION = 500;

	static final int MAX_ENDPOINTS_PER_PARTNER = 20;

	private final WebhookRepository repository;

	private final PartnerService partners;

	private final EndpointAddresses addresses;

	private final SecretBox secrets;

	private final EndpointDirectory directory;

	private final DeliveryQueue queue;

	private final WebhookOutbox outbox;

	private final AuditLog audit;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookEndpoints(WebhookRepository repository, PartnerService partners, EndpointAddresses addresses,
			SecretBox secrets, EndpointDirectory directory, DeliveryQueue queue, WebhookOutbox outbox, AuditLog audit,
			WebhookProperties properties, Clock clock) {
		this.repository = repository;
		this.partners = partners;
		this.addresses = addresses;
		this.secrets = secrets;
		this.directory = directory;
		this.queue = queue;
		this.outbox = outbox;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Registers an endpoint that hears the events of the mode's sessions; the answer
	 * holds its secret, shown this once.
	 */
	@Transactional
	public CreatedWebhookEndpoint create(long partnerId, String url, List<String> events, String description,
			Mode mode) {
		this.partners.get(partnerId);
		URI uri = this.addresses.checkNew(url);
		Set<WebhookEventType> types = WebhookEventType.parse(events);
		String cleanDescription = Texts.optional("description", description, MAX_DESCRIPTION);
		if (this.repository.findEndpoints(partnerId).size() >= MAX_ENDPOINTS_PER_PARTNER) {
			throw new BadRequestException("Partner " + partnerId + " already has " + MAX_ENDPOINTS_PER_PARTNER
					+ " webhook endpoints, the most it may have; delete one first");
		}
		String secret = WebhookSignatures.newSecret();
		Instant now = this.clock.instant();
		long id = this.repository.insertEndpoint(partnerId, uri.toString(), cleanDescription, types,
				this.secrets.seal(secret), mode, now);
		this.audit.record("webhook_endpoint.created", "webhook_endpoint", id, "partner " + partnerId + ", url " + uri
				+ ", events " + WebhookEventType.column(types) + ", mode " + mode.wireName());
		this.directory.changed(partnerId);
		return new CreatedWebhookEndpoint(id, partnerId, uri.toString(), cleanDescription,
				types.stream().map(WebhookEventType::wireName).toList(), mode.wireName(), secret, true, now);
	}

	public List<WebhookEndpoint> list(long partnerId) {
		this.partners.get(partnerId);
		Instant now = this.clock.instant();
		return this.repository.findEndpoints(partnerId).stream().map((row) -> row.view(now)).toList();
	}

	/** The endpoint; with a partner id, a 404 also when it belongs to another partner. */
	public WebhookEndpoint get(Long partnerId, long endpointId) {
		return row(partnerId, endpointId).view(this.clock.instant());
	}

	@Transactional
	public void delete(Long partnerId, long endpointId) {
		WebhookRepository.EndpointRow row = row(partnerId, endpointId);
		this.repository.deleteEndpoint(endpointId);
		this.audit.record("webhook_endpoint.deleted", "webhook_endpoint", endpointId,
				"partner " + row.partnerId() + ", url " + row.url());
		this.directory.changed(row.partnerId());
	}

	/**
	 * A new secret; the one it replaces signs too for {@code rotation-overlap}, so that
	 * the receiver can switch without losing a delivery.
	 */
	@Transactional
	public RotatedSecret rotateSecret(Long partnerId, long endpointId) {
		WebhookRepository.EndpointRow row = row(partnerId, endpointId);
		String secret = WebhookSignatures.newSecret();
		Instant now = this.clock.instant();
		Instant until = now.plus(this.properties.rotationOverlap());
		this.repository.rotateSecret(endpointId, this.secrets.seal(secret), row.sealedSecret(), until, now);
		this.audit.record("webhook_endpoint.secret_rotated", "webhook_endpoint", endpointId,
				"partner " + row.partnerId() + ", previous secret signs until " + until);
		return new RotatedSecret(secret, until);
	}

	/** Enables or disables the endpoint; disabled, it receives nothing new. */
	@Transactional
	public WebhookEndpoint setEnabled(Long partnerId, long endpointId, boolean enabled) {
		WebhookRepository.EndpointRow row = row(partnerId, endpointId);
		if (this.repository.setEnabled(endpointId, enabled, "disabled by an operator", this.clock.instant())) {
			this.audit.record(enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled", "webhook_endpoint",
					endpointId, "partner " + row.partnerId());
			this.directory.changed(row.partnerId());
		}
		return get(partnerId, endpointId);
	}

	/**
	 * Sends the endpoint a {@code webhook.test} event (whatever it subscribed to);
	 * answers the delivery.
	 */
	@Transactional
	public WebhookDelivery sendTest(Long partnerId, long endpointId) {
		WebhookRepository.EndpointRow row = row(partnerId, endpointId);
		if (!row.enabled()) {
			throw new BadRequestException("Webhook endpoint " + endpointId + " is disabled; enable it first");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("endpoint_id", endpointId);
		data.put("partner_id", row.partnerId());
		data.put("message", "A test event sent from Smart Engage; answer with any 2xx");
		long deliveryId = this.outbox.write(List.of(endpointId), WebhookEventType.TEST, this.clock.instant(), data)
			.get(0);
		return this.repository.delivery(deliveryId).orElseThrow();
	}

	/** Newest first, at most {@code limit} deliveries older than {@code beforeId}. */
	public List<WebhookDelivery> deliveries(Long partnerId, long endpointId, int limit, Long beforeId) {
		if (limit < 1 || limit > 1000) {
			throw new BadRequestException("limit must be between 1 and 1000, not " + limit);
		}
		row(partnerId, endpointId);
		return this.repository.deliveries(endpointId, beforeId, limit);
	}

	/** One delivery with its payload and every attempt. */
	public WebhookDelivery delivery(long deliveryId) {
		WebhookDelivery delivery = this.repository.delivery(deliveryId)
			.orElseThrow(() -> new NotFoundException("No webhook delivery with id " + deliveryId));
		return delivery.withDetails(this.repository.payload(deliveryId), this.repository.attempts(deliveryId));
	}

	/**
	 * Tries the delivery again now, whatever its state; the receiver tells a repeat by
	 * its {@code webhook-id}.
	 */
	@Transactional
	public WebhookDelivery retry(long deliveryId) {
		WebhookDelivery delivery = this.repository.delivery(deliveryId)
			.orElseThrow(() -> new NotFoundException("No webhook delivery with id " + deliveryId));
		WebhookRepository.EndpointRow endpoint = this.repository.findEndpoint(delivery.endpointId()).orElseThrow();
		if (!endpoint.enabled()) {
			throw new BadRequestException(
					"Webhook endpoint " + endpoint.id() + " is disabled; enable it before retrying its deliveries");
		}
		Instant now = this.clock.instant();
		this.repository.requeue(deliveryId, now);
		this.queue.scheduleNow(deliveryId, now);
		this.audit.record("webhook_delivery.retried", "webhook_delivery", deliveryId,
				"endpoint " + endpoint.id() + ", partner " + endpoint.partnerId());
		return this.repository.delivery(deliveryId).orElseThrow();
	}

	private WebhookRepository.EndpointRow row(Long partnerId, long endpointId) {
		if (partnerId != null) {
			this.partners.get(partnerId);
		}
		return this.repository.findEndpoint(endpointId)
			.filter((row) -> partnerId == null || row.partnerId() == partnerId)
			.orElseThrow(() -> new NotFoundException("No webhook endpoint with id " + endpointId
					+ (partnerId == null ? "" : " for partner " + partnerId)));
	}

}
