package com.smartengage.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.smartengage.campaign.CampaignChanged;
import com.smartengage.common.infra.ClusterEvents;
import com.smartengage.journey.JourneyRecorded;

/**
 * Tells every instance which campaigns changed, so that their open campaign pages
 * refresh. A journey event marks its campaign dirty once its transaction commits; dirty
 * campaigns go out together in one cluster message at most every
 * {@code smart-engage.dashboard.live-coalesce} (the first change after a quiet spell at
 * once), so that a flood of scans is a trickle of NOTIFYs.
 */
@Component
class CampaignChanges implements DisposableBean {

	/** Cluster event topic: campaigns (payload: their ids, comma-separated) changed. */
	static final String TOPIC = "dashboard-campaigns-changed";

	/** PostgreSQL's NOTIFY payload holds at most 8000 bytes: stay well below it. */
	private static final int MAX_PAYLOAD = 4000;

	private static final Logger log = LoggerFactory.getLogger(CampaignChanges.class);

	private final ClusterEvents events;

	private final long windowNanos;

	private final Set<Long> dirty = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "dashboard-changes");
		thread.setDaemon(true);
		return thread;
	});

	private volatile long lastFlushNanos = System.nanoTime() - Long.MAX_VALUE / 4;

	CampaignChanges(ClusterEvents events, DashboardProperties properties) {
		this.events = events;
		this.windowNanos = properties.liveCoalesce().toNanos();
	}

	/** Calls {@code listener} with each campaign changed on any instance. */
	void subscribe(LongConsumer listener) {
		this.events.subscribe(TOPIC, (payload) -> {
			for (String id : payload.split(",")) {
				if (!id.isEmpty()) {
					listener.accept(Long.parseLong(id));
				}
			}
		});
	}

	@TransactionalEventListener(fallbackExecution = true)
	void journeyRecorded(JourneyRecorded event) {
		changed(event.campaignId());
	}

	/** A pause, a resume, a placement, an import: whoever asked for it. */
	@TransactionalEventListener(fallbackExecution = true)
	void campaignChanged(CampaignChanged event) {
		changed(event.campaignId());
	}

	/** Marks a campaign changed; the message goes out within the coalescing window. */
	void changed(long campaignId) {
		this.dirty.add(campaignId);
		if (this.scheduled.compareAndSet(false, true)) {
			long wait = Math.max(0, this.lastFlushNanos + this.windowNanos - System.nanoTime());
			this.executor.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
		}
	}

	private void flush() {
		this.lastFlushNanos = System.nanoTime();
		this.scheduled.set(false);
		List<Long> ids = new ArrayList<>(this.dirty);
		this.dirty.removeAll(ids);
		try {
			StringBuilder payload = new StringBuilder();
			for (long id : ids) {
				if (payload.length() > MAX_PAYLOAD) {
					this.events.publish(TOPIC, payload.toString());
					payload.setLength(0);
				}
				payload.append(payload.isEmpty() ? "" : ",").append(id);
			}
			if (!payload.isEmpty()) {
				this.events.publish(TOPIC, payload.toString());
			}
		}
		catch (RuntimeException ex) {
			// The database may be briefly away: pages catch up on the next change or
			// reconnect.
			log.warn("Could not announce changed campaigns {}: {}", ids, ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
