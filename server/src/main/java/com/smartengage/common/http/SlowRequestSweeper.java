package com.smartengage.common.http;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the connections of requests that miss a deadline of {@link HttpDeadlines}: a few
 * times a second, one thread looks at what each {@link DeadlineProcessor} is waiting for.
 * <p>
 * A late connection is not closed from this thread: closing a Tomcat socket does not wake
 * a request thread blocked reading it (that thread waits on a lock only the poller
 * notifies, until its own read timeout), and would race with that thread's use of the
 * socket. Instead the input side is shut down: on Linux the socket then reads as ended,
 * the poller sees it readable, and Tomcat's own thread meets the end of the stream and
 * closes the connection the way it does for a client that hung up.
 */
final class SlowRequestSweeper {

	private static final Logger log = LoggerFactory.getLogger(SlowRequestSweeper.class);

	/** Processors come and go with Tomcat's cache of them; weak keys let them go. */
	private final Set<DeadlineProcessor> processors = Collections.newSetFromMap(new WeakHashMap<>());

	private final HttpDeadlines deadlines;

	private final HttpDeadlineProperties properties;

	private ScheduledExecutorService timer;

	SlowRequestSweeper(HttpDeadlineProperties properties) {
		this.properties = properties;
		this.deadlines = HttpDeadlines.of(properties);
	}

	void watch(DeadlineProcessor processor) {
		synchronized (this.processors) {
			this.processors.add(processor);
		}
	}

	synchronized void start() {
		if (this.timer != null) {
			return;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "http-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.properties.checkInterval().toNanos();
		this.timer.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.NANOSECONDS);
	}

	synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	private void sweepQuietly() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// A failed round must not end the schedule; the next round tries again.
			log.warn("Checking connections against the HTTP deadlines failed", ex);
		}
	}

	/** One round: closes what is late; answers how many connections it closed. */
	int sweep() {
		long now = System.nanoTime();
		int headers = 0;
		int bodies = 0;
		synchronized (this.processors) {
			for (DeadlineProcessor processor : this.processors) {
				int phase = processor.phase();
				SocketWrapperBase<?> connection = processor.connection();
				if (phase == DeadlineProcessor.WORKING || connection == null || connection == processor.dropped
						|| connection.isClosed() || !late(processor, phase, connection, now)) {
					continue;
				}
				processor.dropped = connection;
				if (shutDownInput(connection)) {
					if (phase == DeadlineProcessor.HEADERS) {
						headers++;
					}
					else {
						bodies++;
					}
				}
			}
		}
		if (headers + bodies > 0) {
			log.info(
					"Closed {} slow connection(s): {} with headers unfinished after {} ms, {} with a body slower than "
							+ "{} bytes/s after {} ms",
					headers + bodies, headers, this.properties.headerTimeout().toMillis(), bodies,
					this.properties.bodyMinRate(), this.properties.bodyGrace().toMillis());
		}
		return headers + bodies;
	}

	private boolean late(DeadlineProcessor processor, int phase, SocketWrapperBase<?> connection, long now) {
		if (phase == DeadlineProcessor.HEADERS) {
			// Parked on its connection: if it no longer is, a request thread has it.
			long start = processor.getRequest().getStartTimeNanos();
			return connection.getCurrentProcessor() == processor && start != -1
					&& this.deadlines.headersLate(start, now);
		}
		if (phase == DeadlineProcessor.BODY) {
			// Only while the application waits for the body: a request that has not
			// read it yet is not the client's fault.
			return processor.reading()
					&& this.deadlines.bodyLate(processor.phaseSince(), now, processor.getRequest().getBytesRead());
		}
		return this.deadlines.bodyLate(processor.phaseSince(), now, processor.unread());
	}

	private static boolean shutDownInput(SocketWrapperBase<?> connection) {
		if (!(connection.getSocket() instanceof NioChannel channel)) {
			return false;
		}
		SocketChannel socket = channel.getIOChannel();
		if (socket == null || !socket.isOpen()) {
			return false;
		}
		try {
			socket.shutdownInput();
			return true;
		}
		catch (IOException ex) {
			// Closed meanwhile: nothing left to do.
			return false;
		}
	}

}
