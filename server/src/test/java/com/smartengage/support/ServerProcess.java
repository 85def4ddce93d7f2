package com.smartengage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged server ({@code target/smart-engage-server-*.jar}, built by the package
 * phase before the integration tests run) as a child process of its own, for tests that
 * kill, stop or starve it. Its output goes to a log file under {@code target/}; the admin
 * token travels in the environment, never on the command line.
 */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private final long startedNanos;

	private ServerProcess(Process process, int port, Path log, long startedNanos) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.startedNanos = startedNanos;
	}

	/**
	 * Starts the jar on {@code port} (0 for any free port) with these extra arguments
	 * ({@code --name=value}), logging to {@code target/server-logs/<name>.log}.
	 */
	public static ServerProcess start(String name, int port, String adminToken, List<String> arguments) {
		int chosen = port == 0 ? freePort() : port;
		Path log = Paths.get("target", "server-logs", name + ".log").toAbsolutePath();
		try {
			Files.createDirectories(log.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:+UseSerialGC");
		command.add("-jar");
		command.add(jar().toString());
		command.add("--server.port=" + chosen);
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().put("SMART_ENGAGE_ADMIN_TOKEN", adminToken);
		builder.environment().put("SMART_ENGAGE_WEBHOOKS_SECRET_KEY", IntegrationTest.WEBHOOK_SECRET_KEY);
		try {
			return new ServerProcess(builder.start(), chosen, log, System.nanoTime());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + command, ex);
		}
	}

	/** The arguments that point the server at a database. */
	public static List<String> database(String url, String username, String password) {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
				"--spring.datasource.password=" + password);
	}

	/** The packaged jar (not the plain one). */
	public static Path jar() {
		try (Stream<Path> files = Files.list(Paths.get("target"))) {
			return files
				.filter((p) -> p.getFileName().toString().matches("smart-engage-server-.*\\.jar")
						&& !p.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No target/smart-engage-server-*.jar: run the tests through './mvnw verify', "
								+ "which packages the jar before the integration tests"))
				.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Waits until {@code /actuator/health} answers UP; answers the seconds since the
	 * start.
	 */
	public double awaitHealthy(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The server stopped during start-up (exit " + this.process.exitValue()
						+ "); its log ends:\n" + logTail(40));
			}
			try {
				HttpResponse<String> answer = client
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"")) {
					return (System.nanoTime() - this.startedNanos) / 1e9;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(100);
		}
		throw new IllegalStateException(
				"The server was not healthy after " + timeout + "; its log ends:\n" + logTail(40));
	}

	/** SIGTERM, as an orchestrator stops a server; does not wait. */
	public void terminate() {
		this.process.destroy();
	}

	/** SIGKILL ({@code kill -9}): answers the exit code once the process is gone. */
	public int kill() {
		this.process.destroyForcibly();
		return awaitExit(Duration.ofSeconds(30));
	}

	/** Waits for the process to end; answers its exit code. */
	public int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("The server did not exit within " + timeout);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The number of threads of the server process now (from {@code /proc}), or -1 where
	 * there is no {@code /proc}.
	 */
	public int threads() {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("Threads:")) {
					return Integer.parseInt(line.substring(8).trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// No /proc, or the process is gone.
		}
		return -1;
	}

	/** The whole log so far. */
	public String logText() {
		try {
			return new String(Files.readAllBytes(this.log), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String logTail(int lines) {
		try {
			List<String> all = logText().lines().toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (UncheckedIOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	/** Kills the process if it still runs. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			awaitExit(Duration.ofSeconds(30));
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
