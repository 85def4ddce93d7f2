package com.smartengage.common.http;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.apache.coyote.Adapter;
import org.apache.coyote.InputBuffer;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's HTTP/1.1 processor, telling {@link SlowRequestSweeper} what its connection is
 * waiting for. Only the request's own thread writes the fields, each a volatile written
 * after the request state it stands for, so the sweeper that reads the volatile first
 * sees that state. The cost on a request: a few volatile writes and one
 * {@code System.nanoTime()}, no allocation.
 */
final class DeadlineProcessor extends Http11Processor {

	/** Nothing a client can be slow at: idle, parsing what has arrived, answering. */
	static final int WORKING = 0;

	/**
	 * Part of a request line or of its headers has arrived and the rest is awaited; the
	 * processor is parked on the connection until it comes.
	 */
	static final int HEADERS = 1;

	/** The application runs and may read the body. */
	static final int BODY = 2;

	/**
	 * The application has answered without reading the whole body, which Tomcat now reads
	 * and discards before it sends the answer.
	 */
	static final int UNREAD_BODY = 3;

	/**
	 * Tomcat's flag for an HTTP/0.9 request, which Tomcat 11.0.22 sets when it reads a
	 * request's protocol and never clears on recycling: a processor that served an
	 * HTTP/0.9 request then answered the next connection's unreadable request line (a 400
	 * before the protocol is read) without a status line. Cleared here before each
	 * request.
	 */
	private static final VarHandle HTTP09 = http09();

	private volatile int phase = WORKING;

	/** {@code System.nanoTime()} when {@link #BODY} or {@link #UNREAD_BODY} began. */
	private volatile long phaseSince;

	/**
	 * In {@link #UNREAD_BODY}: the bytes of the body still to come, as far as its
	 * Content-Length tells (0 for a chunked body).
	 */
	private long unread;

	/** Whether the application is in a read of the body (waiting for bytes, mostly). */
	private volatile boolean reading;

	private volatile SocketWrapperBase<?> connection;

	/** The connection the sweeper last closed for this processor; the sweeper's alone. */
	SocketWrapperBase<?> dropped;

	DeadlineProcessor(AbstractHttp11Protocol<?> protocol, Adapter adapter) {
		this(protocol, new PhaseAdapter(adapter));
	}

	private DeadlineProcessor(AbstractHttp11Protocol<?> protocol, PhaseAdapter adapter) {
		super(protocol, adapter);
		adapter.processor = this;
		this.request.setInputBuffer(new ReadMarkingBuffer(this.request.getInputBuffer()));
	}

	@Override
	public SocketState service(SocketWrapperBase<?> socketWrapper) throws IOException {
		this.connection = socketWrapper;
		this.phase = WORKING;
		if (HTTP09 != null) {
			// Tomcat reads the protocol anew once the request line is complete.
			HTTP09.set((Http11Processor) this, false);
		}
		SocketState state = SocketState.CLOSED;
		try {
			state = super.service(socketWrapper);
			return state;
		}
		finally {
			// Only an unfinished request line or header block parks a processor (LONG)
			// outside async processing and upgrades.
			this.phase = (state == SocketState.LONG && !isAsync() && !isUpgrade()) ? HEADERS : WORKING;
		}
	}

	private static VarHandle http09() {
		try {
			return MethodHandles.privateLookupIn(Http11Processor.class, MethodHandles.lookup())
				.findVarHandle(Http11Processor.class, "http09", boolean.class);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// Another Tomcat, without the field: nothing to clear.
			return null;
		}
	}

	int phase() {
		return this.phase;
	}

	long phaseSince() {
		return this.phaseSince;
	}

	long unread() {
		return this.unread;
	}

	boolean reading() {
		return this.reading;
	}

	SocketWrapperBase<?> connection() {
		return this.connection;
	}

	private void serving() {
		this.phaseSince = System.nanoTime();
		this.phase = BODY;
	}

	private void served() {
		if (isRequestBodyFullyRead()) {
			this.phase = WORKING;
		}
		else {
			this.unread = Math.max(0, this.request.getContentLengthLong() - this.request.getBytesRead());
			this.phaseSince = System.nanoTime();
			this.phase = UNREAD_BODY;
		}
	}

	/** Marks the time the application spends in the adapter, Tomcat's way into it. */
	private static final class PhaseAdapter extends ForwardingAdapter {

		private DeadlineProcessor processor;

		PhaseAdapter(Adapter adapter) {
			super(adapter);
		}

		@Override
		public void service(Request req, Response res) throws Exception {
			this.processor.serving();
			try {
				super.service(req, res);
			}
			finally {
				this.processor.served();
			}
		}

	}

	/**
	 * The request's body as the application reads it (through the servlet input stream,
	 * or Tomcat's own form parsing), marking the time spent in a read.
	 */
	private final class ReadMarkingBuffer implements InputBuffer {

		private final InputBuffer buffer;

		ReadMarkingBuffer(InputBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public int doRead(ApplicationBufferHandler handler) throws IOException {
			DeadlineProcessor.this.reading = true;
			try {
				return this.buffer.doRead(handler);
			}
			finally {
				DeadlineProcessor.this.reading = false;
			}
		}

		@Override
		public int available() {
			return this.buffer.available();
		}

	}

}
