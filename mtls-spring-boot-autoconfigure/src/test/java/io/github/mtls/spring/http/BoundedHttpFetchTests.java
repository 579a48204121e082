package io.github.mtls.spring.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoundedHttpFetchTests {

	private final BoundedHttpFetch fetch = new BoundedHttpFetch(Duration.ofSeconds(2), Duration.ofSeconds(5), 16);

	private final List<Headers> requests = new CopyOnWriteArrayList<>();

	private final List<String> protocols = new CopyOnWriteArrayList<>();

	private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

	private final AtomicInteger redirectTargetHits = new AtomicInteger();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/ok", (exchange) -> answer(exchange, 200, "document"));
		this.server.createContext("/exactly-the-cap", (exchange) -> answer(exchange, 200, "0123456789abcdef"));
		this.server.createContext("/over-the-cap", (exchange) -> answer(exchange, 200, "0123456789abcdefX"));
		this.server.createContext("/missing", (exchange) -> answer(exchange, 404, "document"));
		this.server.createContext("/moved", (exchange) -> {
			exchange.getResponseHeaders().add("Location", uri("/target").toString());
			answer(exchange, 302, "document");
		});
		this.server.createContext("/target", (exchange) -> {
			this.redirectTargetHits.incrementAndGet();
			answer(exchange, 200, "document");
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange, int status, String body) throws IOException {
		this.requests.add(exchange.getRequestHeaders());
		this.protocols.add(exchange.getProtocol());
		try (InputStream in = exchange.getRequestBody()) {
			this.bodies.add(in.readAllBytes());
		}
		byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	@Test
	void getWhenAnswered200ThenReturnsTheBody() throws IOException {
		assertThat(this.fetch.get(uri("/ok"), null)).asString(StandardCharsets.US_ASCII).isEqualTo("document");
	}

	@Test
	void getWhenAcceptGivenThenSendsIt() throws IOException {
		this.fetch.get(uri("/ok"), "application/json");
		assertThat(this.requests).singleElement()
			.satisfies((headers) -> assertThat(headers.getFirst("Accept")).isEqualTo("application/json"));
	}

	@Test
	void getWhenCalledThenSpeaksHttp11WithoutAnUpgradeOffer() throws IOException {
		this.fetch.get(uri("/ok"), null);
		assertThat(this.protocols).containsExactly("HTTP/1.1");
		assertThat(this.requests).singleElement().satisfies((headers) -> {
			assertThat(headers.containsKey("Upgrade")).isFalse();
			assertThat(headers.containsKey("HTTP2-Settings")).isFalse();
		});
	}

	@Test
	void postWhenCalledThenSendsTheBodyWithItsContentType() throws IOException {
		byte[] answer = this.fetch.post(uri("/ok"), "application/ocsp-request", new byte[] { 1, 2, 3 });
		assertThat(answer).asString(StandardCharsets.US_ASCII).isEqualTo("document");
		assertThat(this.bodies).singleElement().isEqualTo(new byte[] { 1, 2, 3 });
		assertThat(this.requests).singleElement()
			.satisfies((headers) -> assertThat(headers.getFirst("Content-Type")).isEqualTo("application/ocsp-request"));
	}

	@Test
	void getWhenBodyIsExactlyTheCapThenReturnsIt() throws IOException {
		assertThat(this.fetch.get(uri("/exactly-the-cap"), null)).hasSize(16);
	}

	@Test
	void getWhenBodyExceedsTheCapThenFails() {
		assertThatIOException().isThrownBy(() -> this.fetch.get(uri("/over-the-cap"), null))
			.withMessageContaining("16 bytes");
	}

	@Test
	void getWhenAnsweredOtherThan200ThenFails() {
		assertThatIOException().isThrownBy(() -> this.fetch.get(uri("/missing"), null)).withMessageContaining("200");
	}

	@Test
	void getWhenRedirectedThenFailsWithoutFollowing() {
		assertThatIOException().isThrownBy(() -> this.fetch.get(uri("/moved"), null)).withMessageContaining("200");
		assertThat(this.redirectTargetHits).hasValue(0);
	}

	@Test
	void getWhenNothingListensThenFails() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		URI location = URI.create("http://127.0.0.1:" + port + "/");
		assertThatIOException().isThrownBy(() -> this.fetch.get(location, null));
	}

	@Test
	void getWhenBodyStallsMidwayThenFailsOnTheDeadlineAndDropsTheConnection() throws Exception {
		try (StallingHttpResponder responder = StallingHttpResponder.halfBody()) {
			assertFailsOnTheDeadlineAndDrops(responder, 4096);
		}
	}

	@Test
	void getWhenBodyTricklesPastTheDeadlineThenFailsAndDropsTheConnection() throws Exception {
		// Every read returns within a few milliseconds, so only a deadline for the whole
		// body, not a timeout per read, ends this exchange.
		try (StallingHttpResponder responder = StallingHttpResponder.trickling()) {
			assertFailsOnTheDeadlineAndDrops(responder, 10 * 1024 * 1024);
		}
	}

	private static void assertFailsOnTheDeadlineAndDrops(StallingHttpResponder responder, int maxBytes)
			throws InterruptedException {
		BoundedHttpFetch impatient = new BoundedHttpFetch(Duration.ofSeconds(2), Duration.ofMillis(300), maxBytes);
		assertThatIOException().isThrownBy(() -> impatient.get(responder.uri("/"), null))
			.withMessageContaining("read timeout");
		// released, not left with a thread blocked on the socket for as long as the
		// server likes
		assertThat(responder.awaitDropped()).isTrue();
	}

	@Test
	void createWhenCapIsNotPositiveThenFails() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BoundedHttpFetch(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
	}

}
