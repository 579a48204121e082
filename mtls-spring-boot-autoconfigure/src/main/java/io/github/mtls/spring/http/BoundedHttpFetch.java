package io.github.mtls.spring.http;

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
 * One HTTP exchange with the JDK's {@link HttpClient}, bounded so that a slow, stalled or
 * hostile server cannot hold the caller: a connect timeout, one deadline for the response
 * head <em>and</em> the whole body, and a size cap. HTTP/1.1 only (no h2 upgrade to
 * negotiate with responders that get it wrong), redirects never followed (a redirect
 * would send the request somewhere nobody configured), and only a 200 answer is a
 * document.
 *
 * @author mtls-spring-boot
 */
public final class BoundedHttpFetch {

	private final HttpClient client;

	private final Duration deadline;

	private final int maxBytes;

	/**
	 * Create a fetch over the JVM's default TLS context.
	 * @param connectTimeout how long a connection may take
	 * @param deadline how long the response, head and body, may take once the request is
	 * sent
	 * @param maxBytes the largest body accepted
	 */
	public BoundedHttpFetch(Duration connectTimeout, Duration deadline, int maxBytes) {
		this(connectTimeout, deadline, maxBytes, null);
	}

	/**
	 * Create a fetch.
	 * @param connectTimeout how long a connection may take
	 * @param deadline how long the response, head and body, may take once the request is
	 * sent
	 * @param maxBytes the largest body accepted
	 * @param sslContext the TLS context for {@code https:} (key material for mutual TLS,
	 * trust), or {@code null} for the JVM default
	 */
	public BoundedHttpFetch(Duration connectTimeout, Duration deadline, int maxBytes, @Nullable SSLContext sslContext) {
		Assert.notNull(connectTimeout, "connectTimeout cannot be null");
		Assert.notNull(deadline, "deadline cannot be null");
		Assert.isTrue(maxBytes > 0 && maxBytes < Integer.MAX_VALUE,
				"maxBytes must be positive and below Integer.MAX_VALUE");
		HttpClient.Builder builder = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER);
		if (sslContext != null) {
			builder.sslContext(sslContext);
		}
		this.client = builder.build();
		this.deadline = deadline;
		this.maxBytes = maxBytes;
	}

	/**
	 * GET a document.
	 * @param location the {@code http:} or {@code https:} location
	 * @param accept the media type asked for, or {@code null} to send no {@code Accept}
	 * @return the body of a 200 answer
	 * @throws IOException when no complete 200 answer within the size cap arrives before
	 * the deadline
	 */
	public byte[] get(URI location, @Nullable String accept) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(location).GET();
		if (accept != null) {
			request.header("Accept", accept);
		}
		return send(request);
	}

	/**
	 * POST a body.
	 * @param location the {@code http:} or {@code https:} location
	 * @param contentType the body's media type
	 * @param body the body
	 * @return the body of a 200 answer
	 * @throws IOException when no complete 200 answer within the size cap arrives before
	 * the deadline
	 */
	public byte[] post(URI location, String contentType, byte[] body) throws IOException {
		return send(HttpRequest.newBuilder(location)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private byte[] send(HttpRequest.Builder request) throws IOException {
		// The request timeout bounds only the wait for the response head; a server that
		// stalls mid-body would hold the reader forever. The future's deadline bounds the
		// whole exchange, and on expiry the body stream is closed so that the thread
		// reading it is released and the connection dropped.
		AtomicReference<InputStream> stream = new AtomicReference<>();
		CompletableFuture<byte[]> body = this.client
			.sendAsync(request.timeout(this.deadline).build(), HttpResponse.BodyHandlers.ofInputStream())
			.thenApply((response) -> {
				stream.set(response.body());
				return read(response);
			});
		try {
			return body.get(this.deadline.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while waiting for the response", ex);
		}
		catch (TimeoutException ex) {
			body.cancel(true);
			closeQuietly(stream.get());
			throw new IOException("No complete response within the read timeout of " + this.deadline, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() instanceof UncheckedIOException unchecked) ? unchecked.getCause()
					: ex.getCause();
			throw (cause instanceof IOException io) ? io : new IOException("Fetch failed", cause);
		}
	}

	private byte[] read(HttpResponse<InputStream> response) {
		try (InputStream in = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException("Expected status 200, not " + response.statusCode());
			}
			byte[] bytes = in.readNBytes(this.maxBytes + 1);
			if (bytes.length > this.maxBytes) {
				throw new IOException("Response exceeds " + this.maxBytes + " bytes");
			}
			return bytes;
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

}
