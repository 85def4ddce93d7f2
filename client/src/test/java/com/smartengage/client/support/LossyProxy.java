package com.smartengage.client.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 in front of the real server that loses the answers of its
 * first connections: the request goes through and the server acts on it, but the
 * connection is cut as the answer starts to come back, as a mobile network or a load
 * balancer might. It keeps what the client sent.
 */
public final class LossyProxy implements AutoCloseable {

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("(?im)^Idempotency-Key:\\s*(\\S+)\\s*$");

	private final ServerSocket listener;

	private final URI target;

	private final AtomicInteger answersToLose;

	private final List<ByteArrayOutputStream> sent = new ArrayList<>();

	private final List<Socket> sockets = new ArrayList<>();

	public LossyProxy(URI target, int answersToLose) {
		this.target = target;
		this.answersToLose = new AtomicInteger(answersToLose);
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "lossy-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.listener.getLocalPort());
	}

	/** Every Idempotency-Key the client sent, in order, one per request. */
	public synchronized List<String> idempotencyKeys() {
		List<String> keys = new ArrayList<>();
		for (ByteArrayOutputStream connection : this.sent) {
			Matcher matcher;
			synchronized (connection) {
				matcher = IDEMPOTENCY_KEY.matcher(connection.toString(StandardCharsets.ISO_8859_1));
			}
			while (matcher.find()) {
				keys.add(matcher.group(1));
			}
		}
		return keys;
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket server = new Socket(this.target.getHost(), this.target.getPort());
				boolean lose = this.answersToLose.getAndDecrement() > 0;
				ByteArrayOutputStream sent = new ByteArrayOutputStream();
				synchronized (this) {
					this.sent.add(sent);
					this.sockets.add(client);
					this.sockets.add(server);
				}
				pump(client, server, sent, false);
				pump(server, client, null, lose);
			}
			catch (IOException ex) {
				// Closed: the test is over.
			}
		}
	}

	/**
	 * Copies {@code from} to {@code to} on a thread of its own; with {@code lose}, cuts
	 * both connections at the first bytes instead.
	 */
	private static void pump(Socket from, Socket to, ByteArrayOutputStream copy, boolean lose) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (lose) {
						break;
					}
					if (copy != null) {
						synchronized (copy) {
							copy.write(buffer, 0, read);
						}
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side hung up.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "lossy-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	@Override
	public synchronized void close() {
		try {
			this.listener.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
		this.sockets.forEach(LossyProxy::closeQuietly);
	}

}
