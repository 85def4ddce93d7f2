package com.smartengage.campaign;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.infra.ClusterEvents;
import com.smartengage.common.text.Ids;
import com.smartengage.common.text.Texts;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.NotFoundException;
import com.smartengage.partner.PartnerService;

/** Campaigns: their rules, their schedule, and the cached copy the hot paths read. */
@Service
public class CampaignService {

	static final int MAX_NAME = 200;

	static final int MAX_URL = 2048;

	/** The range of times both databases store faithfully. */
	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

	/**
	 * Cluster event topic: a campaign (payload: its id) changed, so cached copies are
	 * stale.
	 */
	static final String CAMPAIGN_CHANGED = "campaign-changed";

	private final CampaignRepository repository;

	private final FlowService flows;

	private final PartnerService partners;

	private final CouponPools pools;

	private final CampaignProperties properties;

	private final Clock clock;

	private final ReadThroughCache<Long, Campaign> cache;

	private final ClusterEvents events;

	private final AuditLog audit;

	private final ApplicationEventPublisher changes;

	CampaignService(CampaignRepository repository, FlowService flows, PartnerService partners, CouponPools pools,
			CampaignProperties properties, Clock clock, ClusterEvents events, AuditLog audit,
			ApplicationEventPublisher changes) {
		this.audit = audit;
		this.changes = changes;
		this.repository = repository;
		this.flows = flows;
		this.partners = partners;
		this.pools = pools;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
		this.cache = new ReadThroughCache<>(properties.cacheTtl(), 10_000);
		events.subscribe(CAMPAIGN_CHANGED, (payload) -> this.cache.invalidate(Long.parseLong(payload)));
		events.onMissedMessages(this.cache::invalidateAll);
	}

	@Transactional
	public CampaignView create(CreateCampaign request) {
		if (request == null) {
			throw new BadRequestException("Request body must be a JSON object with partner_id, name and form_url");
		}
		if (request.partnerId() == null) {
			throw new BadRequestException("partner_id is required");
		}
		String name = Texts.required("name", request.name(), MAX_NAME);
		String formUrl = checkFormUrl(request.formUrl());
		Flow flow = this.flows
			.reference(request.flow() == null || request.flow().isBlank() ? Flow.FILL_FORM : request.flow().strip());
		Instant startsAt = parseInstant("starts_at", request.startsAt());
		Instant endsAt = parseInstant("ends_at", request.endsAt());
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new BadRequestException("ends_at must be after starts_at");
		}
		int ttl = inRange("session_ttl_minutes", request.sessionTtlMinutes(),
				this.properties.defaultSessionTtlMinutes(), 1, 525_600);
		int validDays = inRange("coupon_valid_days", request.couponValidDays(),
				this.properties.defaultCouponValidDays(), 1, 3650);
		if (request.couponQuota() != null && request.couponCodes() != null) {
			throw new BadRequestException("Give either coupon_quota or coupon_codes, not both");
		}
		int quota = inRange("coupon_quota", request.couponQuota(), 0, 0, CouponPools.MAX_CODES);
		if (request.couponCodes() != null) {
			CouponPools.checkCount(request.couponCodes().size());
		}
		long partnerId = this.partners.reference(request.partnerId()).id();
		Campaign draft = new Campaign(0, partnerId, flow.id(), name, formUrl, startsAt, endsAt, false, ttl, validDays,
				this.clock.instant());
		long id = this.repository.insert(draft);
		this.changes.publishEvent(new CampaignCreated(id, partnerId, quota, request.couponCodes()));
		CampaignView created = view(this.repository.findById(id).orElseThrow());
		this.audit.record("campaign.created", "campaign", id, "partner " + partnerId + ", name " + name + ", flow "
				+ flow.name() + ", coupons " + created.coupons().total());
		return created;
	}

	public List<CampaignView> list(Long partnerId) {
		Map<Long, CampaignView.Coupons> pools = this.pools.countAll();
		return this.repository.findAll(partnerId)
			.stream()
			.map((c) -> view(c, pools.getOrDefault(c.id(), CampaignView.Coupons.NONE)))
			.toList();
	}

	public CampaignView getView(long id) {
		return view(get(id));
	}

	/** The campaign, fresh from the database. */
	public Campaign get(long id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("No campaign with id " + id));
	}

	/** The partner's campaigns, fresh from the database, oldest first. */
	public List<Campaign> ofPartner(long partnerId) {
		return this.repository.findAll(partnerId);
	}

	/** The campaign from a short-lived cache, for the hot paths. */
	public Campaign cached(long id) {
		return this.cache.get(id, this::get);
	}

	/** Pauses or resumes scans, at once on every instance. */
	@Transactional
	public CampaignView setPaused(long id, boolean paused) {
		if (!this.repository.setPaused(id, paused)) {
			throw new NotFoundException("No campaign with id " + id);
		}
		this.audit.record(paused ? "campaign.paused" : "campaign.resumed", "campaign", id, null);
		this.events.publish(CAMPAIGN_CHANGED, Long.toString(id));
		this.changes.publishEvent(new CampaignChanged(id));
		return getView(id);
	}

	private CampaignView view(Campaign c) {
		return view(c, this.pools.count(c.id()));
	}

	private CampaignView view(Campaign c, CampaignView.Coupons pool) {
		Flow flow = this.flows.get(c.flowId());
		return new CampaignView(c.id(), c.partnerId(), c.name(), c.formUrl(), flow.name(), c.startsAt(), c.endsAt(),
				c.paused(), c.stateAt(this.clock.instant()).name().toLowerCase(Locale.ROOT), c.sessionTtlMinutes(),
				c.couponValidDays(), c.createdAt(), pool);
	}

	/**
	 * A form URL must be absolute http(s) with a host, so that the scan can only go
	 * there.
	 */
	static String checkFormUrl(String value) {
		String url = Texts.required("form_url", value, MAX_URL);
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new BadRequestException("form_url must be an absolute http or https URL, not " + Ids.echo(url));
		}
		if (uri.getRawUserInfo() != null) {
			// Not echoed: it may hold a password.
			throw new BadRequestException("form_url must not carry a user name or password");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new BadRequestException("form_url must be an absolute http or https URL, not " + Ids.echo(url));
		}
		return url;
	}

	private static Instant parseInstant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BadRequestException(field + " must be an ISO-8601 date-time with an offset, e.g. "
					+ "2026-12-01T09:00:00+07:00, not " + Ids.echo(value));
		}
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			throw new BadRequestException(field + " must lie between the years 1970 and 9999, not " + Ids.echo(value));
		}
		return instant;
	}

	private static int inRange(String field, Integer value, int fallback, int min, int max) {
		if (value == null) {
			return fallback;
		}
		if (value < min || value > max) {
			throw new BadRequestException(field + " must be between " + min + " and " + max + ", not " + value);
		}
		return value;
	}

}
