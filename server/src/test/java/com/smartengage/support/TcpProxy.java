package com.smartengage.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of a database, that a test can cut and restore, to
 * play a database that stops and starts again: {@link #cut()} closes every connection
 * through it and its listening socket, so that new connections are refused, as they are
 * by a stopped PostgreSQL; {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final InetSocketAddress target;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicLong connections = new AtomicLong();

	private ServerSocket listener;

	private TcpProxy(InetSocketAddress target, int port) {
		this.target = target;
		this.port = port;
	}

	/** A proxy on a free port of 127.0.0.1 to {@code host:port}, listening. */
	public static TcpProxy start(String host, int port) {
		TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), ServerProcess.freePort());
		proxy.restore();
		return proxy;
	}

	public int port() {
		return this.port;
	}

	/** Connections accepted so far. */
	public long connections() {
		return this.connections.get();
	}

	/** Listens again (on the same port) and forwards new connections. */
	public synchronized void restore() {
		if (this.listener != null) {
			return;
		}
		IOException last = null;
		for (int attempt = 0; attempt < 50; attempt++) {
			try {
				ServerSocket socket = new ServerSocket();
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress("127.0.0.1", this.port));
				this.listener = socket;
				Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept-" + this.port);
				acceptor.setDaemon(true);
				acceptor.start();
				return;
			}
			catch (IOException ex) {
				last = ex;
				sleep(100);
			}
		}
		throw new UncheckedIOException("Could not listen on " + this.port + " again", last);
	}

	/** Closes every connection and stops listening: new connections are refused. */
	public synchronized void cut() {
		if (this.listener != null) {
			closeQuietly(this.listener);
			this.listener = null;
		}
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket listener) {
		while (!listener.isClosed()) {
			Socket client;
			try {
				client = listener.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.connections.incrementAndGet();
			Socket upstream = new Socket();
			try {
				upstream.connect(this.target, 5_000);
			}
			catch (IOException ex) {
				closeQuietly(client);
				closeQuietly(upstream);
				continue;
			}
			synchronized (this) {
				if (this.listener != listener) {
					// Cut while connecting.
					closeQuietly(client);
					closeQuietly(upstream);
					return;
				}
				this.sockets.add(client);
				this.sockets.add(upstream);
			}
			pump(client, upstream);
			pump(upstream, client);
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try {
				InputStream in = from.getInputStream();
				OutputStream out = to.getOutputStream();
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					out.write(buffer, 0, n);
					out.flush();
				}
			}
			catch (SocketException ex) {
				// Closed by a cut or by either side.
			}
			catch (IOException ex) {
				// Same: the connection is over.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Already closed.
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
