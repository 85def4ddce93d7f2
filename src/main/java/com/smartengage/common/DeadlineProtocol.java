package com.smartengage.common;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 NIO connector with {@link HttpDeadlineProperties deadlines} for slow
 * clients. Public with a public constructor: Tomcat makes it from its class name.
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

}
