package io.github.mtls.spring.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS with peers that announce a request body and do not send it. Without the
 * starter's valve Tomcat waits for the body, up to the connection timeout (60 s), before
 * it sends the answer: these tests read with a 10 s socket timeout, so they fail then.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class UnreadBodyHttpsTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "mtls.client-auth=need");
	}

	@Test
	void refusedRequestWhenAnnouncedBodyNeverComesThenAnsweredAndClosedAtOnce() throws IOException {
		assertAnsweredThenClosed(TestPki.unregistered,
				"POST /whoami HTTP/1.1\r\nHost: localhost\r\n" + "Content-Length: 100000\r\n\r\n", "HTTP/1.1 401");
	}

	@Test
	void refusedRequestWhenChunkedBodyNeverEndsThenAnsweredAndClosedAtOnce() throws IOException {
		assertAnsweredThenClosed(TestPki.unregistered,
				"POST /whoami HTTP/1.1\r\nHost: localhost\r\n" + "Transfer-Encoding: chunked\r\n\r\n5\r\nab",
				"HTTP/1.1 401");
	}

	@Test
	void forbiddenRequestWhenAnnouncedBodyNeverComesThenAnsweredAndClosedAtOnce() throws IOException {
		assertAnsweredThenClosed(TestPki.bankOnly,
				"POST /v2/card/cards HTTP/1.1\r\nHost: localhost\r\n" + "Content-Length: 100000\r\n\r\n",
				"HTTP/1.1 401");
	}

	/**
	 * Send a request that keeps the connection (no {@code Connection: close}), read its
	 * answer, then expect the server to close: without the valve it waits for the body
	 * instead, and the read times out.
	 */
	private void assertAnsweredThenClosed(IssuedCertificate client, String request, String statusLine)
			throws IOException {
		try (SSLSocket socket = (SSLSocket) TestPki.sslContext(client).getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream output = socket.getOutputStream();
			output.write(request.getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
			InputStream input = socket.getInputStream();
			assertThat(readResponse(input)).startsWith(statusLine);
			assertThat(input.read()).isEqualTo(-1);
		}
	}

	@Test
	void openPathWhenGetAnnouncesBodyThenRefusedAndClosedAtOnce() throws IOException {
		assertAnsweredThenClosed(TestPki.registered,
				"GET /public/ping HTTP/1.1\r\nHost: localhost\r\n" + "Content-Length: 100000\r\n\r\n", "HTTP/1.1 400");
	}

	@Test
	void openPathWhenHeadAnnouncesChunkedBodyThenRefusedAndClosedAtOnce() throws IOException {
		assertAnsweredThenClosed(TestPki.registered,
				"HEAD /public/ping HTTP/1.1\r\nHost: localhost\r\n" + "Transfer-Encoding: chunked\r\n\r\n",
				"HTTP/1.1 400");
	}

	@Test
	void getWhenBodyRefusedThenMyDataBody() {
		RawHttps.Response response = RawHttps.get("127.0.0.1", this.port, TestPki.registered, "/public/ping",
				"Content-Length: 1");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40001\",\"rsp_msg\":\"request body not allowed for GET or HEAD\"}");
	}

	@Test
	void getWhenContentLengthZeroThenServed() {
		assertThat(
				RawHttps.get("127.0.0.1", this.port, TestPki.registered, "/public/ping", "Content-Length: 0").status())
			.isEqualTo(200);
	}

	@Test
	void refusedRequestWhenBodyIsSentThenItsAnswerArrives() throws IOException {
		try (SSLSocket socket = (SSLSocket) TestPki.sslContext(TestPki.registered).getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream output = socket.getOutputStream();
			// POST has no handler: refused, with its body sent at once.
			output.write(("POST /whoami HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 2\r\n\r\n{}")
				.getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
			assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 405");
		}
	}

	@Test
	void acceptedRequestWithoutBodyThenConnectionIsKeptForTheNextRequest() throws IOException {
		try (SSLSocket socket = (SSLSocket) TestPki.sslContext(TestPki.registered).getSocketFactory().createSocket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10000);
			OutputStream output = socket.getOutputStream();
			output.write("GET /whoami HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
			InputStream input = socket.getInputStream();
			assertThat(readResponse(input)).startsWith("HTTP/1.1 200");
			output.write("GET /public/ping HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
			output.flush();
			assertThat(readAll(input)).startsWith("HTTP/1.1 200");
		}
	}

	/**
	 * Read one response whose body is chunked or has a length, leaving the connection
	 * open.
	 */
	private static String readResponse(InputStream input) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		while (true) {
			int b = input.read();
			if (b < 0) {
				return bytes.toString(StandardCharsets.ISO_8859_1);
			}
			bytes.write(b);
			String text = bytes.toString(StandardCharsets.ISO_8859_1);
			int headersEnd = text.indexOf("\r\n\r\n");
			if (headersEnd < 0) {
				continue;
			}
			if (text.contains("Transfer-Encoding: chunked")) {
				if (text.endsWith("\r\n0\r\n\r\n")) {
					return text;
				}
			}
			else {
				Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(text);
				int expected = length.find() ? Integer.parseInt(length.group(1)) : 0;
				if (text.length() - headersEnd - 4 >= expected) {
					return text;
				}
			}
		}
	}

	private static String readAll(InputStream input) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		input.transferTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
