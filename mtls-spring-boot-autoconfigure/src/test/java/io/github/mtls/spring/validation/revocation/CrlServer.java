package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves one CRL over HTTP on loopback and counts the requests.
 */
final class CrlServer implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private volatile byte[] body = new byte[0];

	private volatile long delayMillis;

	CrlServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/ca.crl", (exchange) -> {
			this.requests.incrementAndGet();
			byte[] bytes = this.body;
			if (this.delayMillis > 0) {
				try {
					Thread.sleep(this.delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	void serve(byte[] body) {
		this.body = body;
	}

	void delay(long millis) {
		this.delayMillis = millis;
	}

	int requests() {
		return this.requests.get();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/ca.crl");
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
