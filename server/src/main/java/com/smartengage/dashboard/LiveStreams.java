package com.smartengage.dashboard;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.smartengage.common.infra.ClusterEvents;
import com.smartengage.common.web.ApiException;

/**
 * The open live streams of campaign pages on this instance. When a campaign changes on
 * any instance, each of its streams here gets a {@code changed} event and the page
 * fetches its numbers again. Streams get a heartbeat so that proxies keep them open, end
 * after a while (the browser reconnects at once), and are bounded in number.
 */
@Component
class LiveStreams implements SmartLifecycle {

	/** Near-simultaneous news of one campaign (e.g. local and NOTIFY) sends one event. */
	private static final long DEBOUNCE_MILLIS = 50;

	/** How soon a browser reconnects after a stream ends. */
	private static final long RECONNECT_MILLIS = 2000;

	private final Map<Long, Set<SseEmitter>> byCampaign = new ConcurrentHashMap<>();

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	private final AtomicInteger open = new AtomicInteger();

	private final DashboardProperties properties;

	/** Sends events and heartbeats while running; made anew at each start. */
	private volatile ScheduledExecutorService executor;

	private volatile boolean running;

	LiveStreams(CampaignChanges changes, ClusterEvents events, DashboardProperties properties) {
		this.properties = properties;
		changes.subscribe(this::changed);
		events.onMissedMessages(() -> this.byCampaign.keySet().forEach(this::changed));
	}

	/** A new stream of a campaign's changes; a 503 when too many are open. */
	SseEmitter open(long campaignId) {
		if (!this.running) {
			throw new TooManyStreams("The server is shutting down; the page reconnects by itself");
		}
		if (this.open.incrementAndGet() > this.properties.liveMaxSubscribers()) {
			this.open.decrementAndGet();
			throw new TooManyStreams("Too many live dashboards are open on this server; close a few tabs or "
					+ "raise smart-engage.dashboard.live-max-subscribers");
		}
		SseEmitter emitter = new SseEmitter(this.properties.liveStreamTimeout().toMillis());
		this.byCampaign.compute(campaignId, (id, emitters) -> {
			Set<SseEmitter> set = (emitters != null) ? emitters : ConcurrentHashMap.newKeySet();
			set.add(emitter);
			return set;
		});
		emitter.onCompletion(() -> remove(campaignId, emitter));
		emitter.onTimeout(() -> {
			remove(campaignId, emitter);
			emitter.complete();
		});
		emitter.onError((ex) -> remove(campaignId, emitter));
		send(campaignId, emitter, SseEmitter.event().name("ready").data(campaignId).reconnectTime(RECONNECT_MILLIS));
		return emitter;
	}

	/** How many streams are open on this instance. */
	int openStreams() {
		return this.open.get();
	}

	void changed(long campaignId) {
		ScheduledExecutorService sender = this.executor;
		if (!this.running || sender == null || !this.byCampaign.containsKey(campaignId)
				|| !this.pending.add(campaignId)) {
			return;
		}
		try {
			sender.schedule(() -> {
				this.pending.remove(campaignId);
				Set<SseEmitter> emitters = this.byCampaign.get(campaignId);
				if (emitters != null) {
					emitters.forEach((emitter) -> send(campaignId, emitter,
							SseEmitter.event().name("changed").data(campaignId)));
				}
			}, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Stopping: the streams are being closed anyway.
			this.pending.remove(campaignId);
		}
	}

	private void heartbeat() {
		this.byCampaign.forEach((campaignId, emitters) -> emitters
			.forEach((emitter) -> send(campaignId, emitter, SseEmitter.event().comment("heartbeat"))));
	}

	private void send(long campaignId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; the container completes the emitter.
			remove(campaignId, emitter);
		}
	}

	private void remove(long campaignId, SseEmitter emitter) {
		this.byCampaign.computeIfPresent(campaignId, (id, emitters) -> {
			if (emitters.remove(emitter)) {
				this.open.decrementAndGet();
			}
			return emitters.isEmpty() ? null : emitters;
		});
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "dashboard-live");
			thread.setDaemon(true);
			return thread;
		});
		long heartbeat = this.properties.liveHeartbeat().toMillis();
		sender.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
		this.executor = sender;
		this.pending.clear();
		this.running = true;
	}

	/**
	 * Ends every stream before the web server's graceful shutdown, which would otherwise
	 * wait for them. The application may start again (a paused test context does).
	 */
	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.byCampaign.forEach((campaignId, emitters) -> emitters.forEach((emitter) -> {
			remove(campaignId, emitter);
			emitter.complete();
		}));
		this.executor.shutdownNow();
		this.executor = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Too many streams open, or the server is stopping: a 503. */
	static class TooManyStreams extends ApiException {

		TooManyStreams(String message) {
			super(HttpStatus.SERVICE_UNAVAILABLE, message);
		}

	}

}
