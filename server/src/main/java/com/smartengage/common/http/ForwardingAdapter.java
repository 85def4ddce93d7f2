package com.smartengage.common.http;

import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * Tomcat's way into the application, handed on unchanged: a subclass overrides
 * {@link #service} to do something around it ({@link DeadlineProtocol},
 * {@link DeadlineProcessor}).
 */
abstract class ForwardingAdapter implements Adapter {

	private final Adapter adapter;

	ForwardingAdapter(Adapter adapter) {
		this.adapter = adapter;
	}

	@Override
	public void service(Request req, Response res) throws Exception {
		this.adapter.service(req, res);
	}

	@Override
	public boolean prepare(Request req, Response res) throws Exception {
		return this.adapter.prepare(req, res);
	}

	@Override
	public boolean asyncDispatch(Request req, Response res, SocketEvent status) throws Exception {
		return this.adapter.asyncDispatch(req, res, status);
	}

	@Override
	public void log(Request req, Response res, long time) {
		this.adapter.log(req, res, time);
	}

	@Override
	public void checkRecycled(Request req, Response res) {
		this.adapter.checkRecycled(req, res);
	}

	@Override
	public String getDomain() {
		return this.adapter.getDomain();
	}

}
