package com.smartengage.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that talk to the running server: its port, a plain HTTP client, and
 * the fixtures that build data through the public API. Subclasses carry
 * {@link IntegrationTest}.
 */
public abstract class ServerTests {

	@LocalServerPort
	protected int port;

	protected Http http;

	protected Fixtures fixtures;

	@BeforeEach
	void connectToServer() {
		this.http = new Http(this.port);
		this.fixtures = new Fixtures(this.http);
	}

}
