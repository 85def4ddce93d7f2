package com.smartengage.common.http;

import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 NIO connector as this server runs it: with
 * {@link HttpDeadlineProperties deadlines} for slow clients, and a 400 rather than
 * Tomcat's 505 for a request line naming an HTTP version it does not speak (a client's
 * mistake, which monitoring would count as a fault of the server; {@code OPTIONS *} never
 * reaches the error valve that maps the other cases). Public with a public constructor:
 * Tomcat makes it from its class name.
 */
public class DeadlineProtocol extends Http11NioProtocol {

	private SlowRequestSweeper sweeper;

	/**
	 * Sets the deadlines; until then, and with them disabled, this is the plain protocol.
	 */
	void setDeadlines(HttpDeadlineProperties properties) {
		this.sweeper = properties.enabled() ? new SlowRequestSweeper(properties) : null;
	}

	@Override
	public void setAdapter(Adapter adapter) {
		super.setAdapter(new VersionRefusingAdapter(adapter));
	}

	@Override
	protected Processor createProcessor() {
		if (this.sweeper == null) {
			return super.createProcessor();
		}
		DeadlineProcessor processor = new DeadlineProcessor(this, getAdapter());
		this.sweeper.watch(processor);
		return processor;
	}

	@Override
	public void start() throws Exception {
		super.start();
		if (this.sweeper != null) {
			this.sweeper.start();
		}
	}

	@Override
	public void stop() throws Exception {
		if (this.sweeper != null) {
			this.sweeper.stop();
		}
		super.stop();
	}

	/**
	 * Turns the 505 that Tomcat set while reading the request line into a 400 before the
	 * request goes in.
	 */
	private static final class VersionRefusingAdapter extends ForwardingAdapter {

		VersionRefusingAdapter(Adapter adapter) {
			super(adapter);
		}

		@Override
		public void service(Request req, Response res) throws Exception {
			if (res.getStatus() == 505) {
				res.setStatus(400);
			}
			super.service(req, res);
		}

	}

}
