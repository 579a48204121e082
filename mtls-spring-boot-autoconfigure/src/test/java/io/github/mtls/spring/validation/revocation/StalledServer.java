package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dead responder: a loopback socket that accepts connections, counts them, and never
 * answers, so that every request to it runs into the read timeout.
 */
public final class StalledServer implements AutoCloseable {

	private final ServerSocket socket;

	private final AtomicInteger accepted = new AtomicInteger();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	/**
	 * Start listening on a free loopback port.
	 */
	public StalledServer() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.acceptor = new Thread(this::accept, "stalled-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				this.connections.add(this.socket.accept());
				this.accepted.incrementAndGet();
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	/**
	 * Return how many connections were accepted so far.
	 * @return the count
	 */
	public int accepted() {
		return this.accepted.get();
	}

	/**
	 * Return the server's URL.
	 * @return an http URL on loopback
	 */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + "/");
	}

	@Override
	public void close() {
		try {
			this.socket.close();
			for (Socket connection : this.connections) {
				connection.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
