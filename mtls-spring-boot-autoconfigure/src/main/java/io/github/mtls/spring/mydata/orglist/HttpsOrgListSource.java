package io.github.mtls.spring.mydata.orglist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Reads the org list from an {@code https:} URL with the JDK {@link HttpClient}, with
 * timeouts and, when the server demands mutual TLS, the {@link SSLContext} of a client
 * SSL bundle. Only a 200 answer is a document.
 *
 * @author mtls-spring-boot
 */
public final class HttpsOrgListSource implements OrgListSource {

	private final URI uri;

	private final HttpClient client;

	private final Duration timeout;

	/**
	 * Create a source.
	 * @param uri the {@code https:} URL
	 * @param sslContext the client's TLS context (key material for mutual TLS, trust), or
	 * {@code null} for the JVM default
	 * @param timeout connect timeout, and the deadline for the whole response body
	 */
	public HttpsOrgListSource(URI uri, @Nullable SSLContext sslContext, Duration timeout) {
		Assert.notNull(uri, "uri cannot be null");
		Assert.isTrue("https".equalsIgnoreCase(uri.getScheme()), "uri must be an https: URL");
		Assert.notNull(timeout, "timeout cannot be null");
		this.uri = uri;
		this.timeout = timeout;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER);
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		this.client = builder.build();
	}

	@Override
	public byte[] read() throws IOException {
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		// The request timeout bounds only the wait for the response head; a server that
		// stalls mid-body would hold the reader forever. The deadline below bounds the
		// whole exchange, and on expiry the body stream is closed so the reading thread
		// is released too (as RevocationFetcher bounds OCSP and CRL bodies).
		AtomicReference<InputStream> stream = new AtomicReference<>();
		CompletableFuture<byte[]> body = this.client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
			.thenApply((response) -> {
				stream.set(response.body());
				return readBody(response);
			});
		try {
			return body.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while reading the org list");
		}
		catch (TimeoutException ex) {
			body.cancel(true);
			closeQuietly(stream.get());
			throw new IOException("No complete org list within " + this.timeout, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() instanceof UncheckedIOException unchecked) ? unchecked.getCause()
					: ex.getCause();
			throw (cause instanceof IOException io) ? io : new IOException("Org list fetch failed", cause);
		}
	}

	private static byte[] readBody(HttpResponse<InputStream> response) {
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException("Org list request answered HTTP " + response.statusCode());
			}
			byte[] content = body.readNBytes(MAX_BYTES + 1);
			if (content.length > MAX_BYTES) {
				throw new IOException("Org list is larger than " + MAX_BYTES + " bytes");
			}
			return content;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void closeQuietly(@Nullable InputStream stream) {
		if (stream != null) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				// already failing on the deadline
			}
		}
	}

	@Override
	public String description() {
		return this.uri.getScheme() + "://" + this.uri.getHost()
				+ ((this.uri.getPort() != -1) ? ":" + this.uri.getPort() : "")
				+ ((this.uri.getPath() != null) ? this.uri.getPath() : "");
	}

}
