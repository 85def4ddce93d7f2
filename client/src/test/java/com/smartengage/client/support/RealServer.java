package com.smartengage.client.support;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.smartengage.SmartEngageApplication;

/**
 * The real Smart Engage server, started once in this JVM on a free port with a new H2
 * file under {@code target/real-server/}, its admin API open to {@link #admin()}, and
 * webhooks allowed to a receiver on 127.0.0.1 over plain http. It stops with the JVM.
 */
public final class RealServer {

	private static RealServer running;

	private final URI baseUrl;

	private final Admin admin;

	private RealServer(URI baseUrl, String adminToken) {
		this.baseUrl = baseUrl;
		this.admin = new Admin(baseUrl, adminToken);
	}

	/** The server, started on first use. */
	public static synchronized RealServer get() {
		if (running == null) {
			running = start();
		}
		return running;
	}

	/** Where the partner API is, as a partner would configure the SDK. */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/** The operator's side: partners, keys, campaigns, scans, webhook endpoints. */
	public Admin admin() {
		return this.admin;
	}

	private static RealServer start() {
		SecureRandom random = new SecureRandom();
		byte[] token = new byte[24];
		random.nextBytes(token);
		String adminToken = HexFormat.of().formatHex(token);
		byte[] webhookKey = new byte[32];
		random.nextBytes(webhookKey);
		Path database = Path.of("target", "real-server", UUID.randomUUID().toString(), "smart-engage").toAbsolutePath();
		SpringApplication application = new SpringApplication(SmartEngageApplication.class);
		application.setBannerMode(Banner.Mode.OFF);
		ConfigurableApplicationContext context = application.run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + database
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000",
				"--smart-engage.admin.token=" + adminToken,
				"--smart-engage.webhooks.secret-key=" + Base64.getEncoder().encodeToString(webhookKey),
				"--smart-engage.webhooks.allow-private-addresses=true", "--smart-engage.webhooks.allow-http=true",
				"--smart-engage.webhooks.polling-interval=500ms", "--logging.level.root=WARN");
		Runtime.getRuntime().addShutdownHook(new Thread(context::close, "real-server-stop"));
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return new RealServer(URI.create("http://127.0.0.1:" + port), adminToken);
	}

}
