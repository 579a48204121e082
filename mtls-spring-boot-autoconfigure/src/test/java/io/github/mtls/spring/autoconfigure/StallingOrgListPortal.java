package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import io.github.mtls.spring.test.pki.TrustStores;

/**
 * A MyData portal over real HTTPS (mutual TLS, the client CA of {@link TestPki}) whose
 * org-list answer sends its headers and half its body and then goes silent, holding the
 * connection open until {@link #close()}; after {@link #answerInFull()}, new requests get
 * the whole document. Only if nobody closes it does a stall end by itself, after a guard
 * far longer than any read timeout a test sets; {@link #stallsGivenUp()} counts those, so
 * a test can tell that the application did not wait for the portal to give up.
 */
final class StallingOrgListPortal implements AutoCloseable {

	private static final long GUARD_SECONDS = 90;

	private final byte[] body;

	private final HttpsServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicBoolean answerInFull = new AtomicBoolean();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger stallsGivenUp = new AtomicInteger();

	StallingOrgListPortal(String orgList) {
		this.body = orgList.getBytes(StandardCharsets.UTF_8);
		try {
			this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setHttpsConfigurator(new HttpsConfigurator(sslContext()) {

			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
				ssl.setNeedClientAuth(true);
				parameters.setSSLParameters(ssl);
			}

		});
		this.server.createContext("/orgs", this::answer);
		// a stalled exchange must not hold up the next one
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, this.body.length);
		OutputStream out = exchange.getResponseBody();
		if (this.answerInFull.get()) {
			out.write(this.body);
			out.close();
			return;
		}
		out.write(this.body, 0, this.body.length / 2);
		out.flush();
		try {
			if (!this.release.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
				this.stallsGivenUp.incrementAndGet();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// ends the exchange short of its Content-Length: the connection is dropped
		exchange.close();
	}

	private static SSLContext sslContext() {
		try {
			char[] password = TestPki.PASSWORD.toCharArray();
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			KeyStore serverKeys = TestPki.server.toKeyStore("server", password);
			keys.init(serverKeys, password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(TrustStores.of(TestPki.clientCa.certificate()));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI uri() {
		return URI.create("https://localhost:" + this.server.getAddress().getPort() + "/orgs");
	}

	/**
	 * From now on, answer every request with the whole document (stalled exchanges stay
	 * stalled).
	 */
	void answerInFull() {
		this.answerInFull.set(true);
	}

	int requests() {
		return this.requests.get();
	}

	int stallsGivenUp() {
		return this.stallsGivenUp.get();
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
