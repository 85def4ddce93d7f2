package com.smartengage.common.http;

import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 NIO connector as this server runs it: with
 * {@link HttpDeadlineProperties deadlines} for slow clients, and the client's status for
 * what Tomcat refuses with a server's. An unknown {@code Transfer-Encoding} (501) and an
 * HTTP version Tomcat does not speak (505) are the client's mistakes, which monitoring
 * would count as faults of the server: Tomcat sets them while reading the request, and
 * they become 400 here before the request goes in, so that {@code OPTIONS *}, which never
 * reaches the error valve, gets them too. The valve maps the 501 Tomcat sets later, for
 * {@code CONNECT}, to 405. Public with a public constructor: Tomcat makes it from its
 * class name.
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
	 * Turns the 501 (an unknown transfer coding) or 505 (an unknown HTTP version) that
	 * Tomcat set while reading the request into a 400 before the request goes in.
	 */
	private static final class VersionRefusingAdapter extends ForwardingAdapter {

		VersionRefusingAdapter(Adapter adapter) {
			super(adapter);
		}

		@Override
		public void service(Request req, Response res) throws Exception {
			if (res.getStatus() == 501 || res.getStatus() == 505) {
				res.setStatus(400);
			}
			super.service(req, res);
		}

	}

}
