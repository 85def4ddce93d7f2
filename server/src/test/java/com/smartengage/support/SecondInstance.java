package com.smartengage.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.smartengage.SmartEngageApplication;

/**
 * A second server in the test JVM, on its own port and this run's database, with the
 * admin token of the server under test: for the tests of two instances on one PostgreSQL.
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	/** Starts it; {@code settings} are further {@code --name=value} arguments. */
	public static ConfigurableApplicationContext start(String... settings) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--spring.datasource.url=" + TestDatabase.url(),
						"--spring.datasource.username=" + TestDatabase.username(),
						"--spring.datasource.password=" + TestDatabase.password(),
						"--smart-engage.admin.token=" + IntegrationTest.ADMIN_TOKEN,
						"--smart-engage.webhooks.secret-key=" + IntegrationTest.WEBHOOK_SECRET_KEY));
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(SmartEngageApplication.class).run(arguments.toArray(String[]::new));
	}

	/** The port it listens on. */
	public static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
