package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real RFC 7662 token introspection endpoint on a random local port, for the opaque
 * token tests: it answers each token the test registered with that token's JSON, any
 * other token with {@code {"active":false}}. A few tokens make it misbehave the way an
 * authorization server does when it fails: {@link #BROKEN} answers 500, {@link #HANGS_UP}
 * closes the connection without an answer and {@link #STALLED} answers only when the
 * endpoint is closed. Callers authenticate with HTTP Basic as
 * {@link #CLIENT_ID}/{@link #CLIENT_SECRET}; others get 401.
 */
final class IntrospectionEndpoint implements AutoCloseable {

	static final String CLIENT_ID = "provider-api";

	static final String CLIENT_SECRET = "introspection-secret";

	static final String BROKEN = "broken-token";

	static final String HANGS_UP = "hang-up-token";

	static final String STALLED = "stalled-token";

	private static final String EXPECTED_AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

	private final Map<String, String> answers = new ConcurrentHashMap<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final HttpServer server;

	private IntrospectionEndpoint() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/introspect", this::introspect);
		// Handlers on their own threads: a stalled answer must not hold up the others.
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	static IntrospectionEndpoint start() {
		return new IntrospectionEndpoint();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/introspect";
	}

	/**
	 * Answer the token with the given introspection response.
	 * @param token the opaque token
	 * @param json the RFC 7662 response
	 * @return the token
	 */
	String answer(String token, String json) {
		this.answers.put(token, json);
		return token;
	}

	private void introspect(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!EXPECTED_AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))
					|| !"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			String token = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
				.get("token");
			if (BROKEN.equals(token)) {
				respond(exchange, 500, "{\"error\":\"server_error\"}");
				return;
			}
			if (HANGS_UP.equals(token)) {
				// Closing the exchange before any response drops the connection.
				return;
			}
			if (STALLED.equals(token)) {
				awaitClose();
			}
			respond(exchange, 200,
					(token != null) ? this.answers.getOrDefault(token, "{\"active\":false}") : "{\"active\":false}");
		}
	}

	private void awaitClose() {
		try {
			this.closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
