package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends real HTTPS requests to the application under test.
 */
final class HttpsRequests {

	private HttpsRequests() {
	}

	static HttpResponse<String> get(HttpClient client, int port, String path, String... headers) {
		return send(client, "GET", port, path, headers);
	}

	static HttpResponse<String> send(HttpClient client, String method, int port, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new HandshakeRefused(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The connection failed, as when the server refuses the TLS handshake.
	 */
	static final class HandshakeRefused extends RuntimeException {

		HandshakeRefused(IOException cause) {
			super(cause);
		}

	}

}
