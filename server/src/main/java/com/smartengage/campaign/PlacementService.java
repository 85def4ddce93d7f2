package com.smartengage.campaign;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.infra.ClusterEvents;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.ConflictException;
import com.smartengage.common.web.PublicUrl;
import com.smartengage.screen.ScreenService;

/** Placements: a campaign on a screen, and the slug its QR code carries. */
@Service
public class PlacementService {

	private static final char[] SLUG_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
		.toCharArray();

	private static final int SLUG_LENGTH = 8;

	/**
	 * Cluster event topic: a placement (payload: its slug) was made; caches may hold a
	 * miss for it.
	 */
	static final String PLACEMENT_CREATED = "placement-created";

	private final SecureRandom random = new SecureRandom();

	private final PlacementRepository repository;

	private final CampaignService campaigns;

	private final ScreenService screens;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private final ClusterEvents events;

	private final AuditLog audit;

	/**
	 * Placements never change once made. A miss is cached too (scanners retry), and
	 * dropped on every instance when a placement with that slug is made.
	 */
	private final ReadThroughCache<String, Optional<Placement>> bySlug;

	private final ApplicationEventPublisher changes;

	PlacementService(PlacementRepository repository, CampaignService campaigns, ScreenService screens,
			PublicUrl publicUrl, CampaignProperties properties, Clock clock, ClusterEvents events, AuditLog audit,
			ApplicationEventPublisher changes) {
		this.audit = audit;
		this.changes = changes;
		this.repository = repository;
		this.campaigns = campaigns;
		this.screens = screens;
		this.publicUrl = publicUrl;
		this.clock = clock;
		this.events = events;
		this.bySlug = new ReadThroughCache<>(properties.cacheTtl(), 100_000);
		events.subscribe(PLACEMENT_CREATED, this.bySlug::invalidate);
		events.onMissedMessages(this.bySlug::invalidateAll);
	}

	public PlacementView create(long campaignId, Long screenId) {
		if (screenId == null) {
			throw new BadRequestException("screen_id is required");
		}
		Campaign campaign = this.campaigns.get(campaignId);
		long screen = this.screens.reference(screenId).id();
		this.repository.findByCampaignAndScreen(campaign.id(), screen).ifPresent((existing) -> {
			throw new ConflictException("Screen " + screen + " already shows campaign " + campaign.id()
					+ " through placement " + existing.slug());
		});
		for (int attempt = 0;; attempt++) {
			Placement draft = new Placement(0, newSlug(), campaign.id(), screen, this.clock.instant());
			try {
				long id = this.repository.insert(draft);
				Placement placement = new Placement(id, draft.slug(), draft.campaignId(), draft.screenId(),
						draft.createdAt());
				this.audit.record("placement.created", "placement", placement.slug(),
						"campaign " + placement.campaignId() + ", screen " + placement.screenId());
				this.events.publish(PLACEMENT_CREATED, placement.slug());
				this.changes.publishEvent(new CampaignChanged(placement.campaignId()));
				return view(placement);
			}
			catch (DuplicateKeyException ex) {
				if (attempt >= 5 || this.repository.findByCampaignAndScreen(campaign.id(), screen).isPresent()) {
					throw new ConflictException("Screen " + screen + " already shows campaign " + campaign.id());
				}
			}
		}
	}

	public List<PlacementView> list(long campaignId) {
		this.campaigns.get(campaignId);
		return this.repository.findByCampaign(campaignId).stream().map(this::view).toList();
	}

	/** The placement behind a scanned slug, from memory on the hot path. */
	public Optional<Placement> bySlug(String slug) {
		if (slug == null || slug.isEmpty() || slug.length() > 32) {
			return Optional.empty();
		}
		return this.bySlug.get(slug, this.repository::findBySlug);
	}

	public String scanUrl(String slug) {
		return this.publicUrl.scanUrl(slug);
	}

	public PlacementView view(Placement p) {
		String base = this.publicUrl.base();
		return new PlacementView(p.id(), p.slug(), p.campaignId(), p.screenId(), this.publicUrl.scanUrl(p.slug()),
				base + "/admin/api/placements/" + p.slug() + "/qr.png",
				base + "/admin/api/placements/" + p.slug() + "/qr.svg", p.createdAt());
	}

	private String newSlug() {
		char[] slug = new char[SLUG_LENGTH];
		for (int i = 0; i < slug.length; i++) {
			slug[i] = SLUG_ALPHABET[this.random.nextInt(SLUG_ALPHABET.length)];
		}
		return new String(slug);
	}

}
