package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.util.Assert;

/**
 * Fetches OCSP responses and CRLs over HTTP(S) with the JDK's client, bounded by a
 * connect timeout, a response timeout and a size limit; reads configured CRL files.
 * Redirects are not followed.
 *
 * @author mtls-spring-boot
 */
public final class RevocationFetcher {

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private final HttpClient client;

	private final Duration readTimeout;

	/**
	 * Create a fetcher.
	 * @param connectTimeout how long a connection may take
	 * @param readTimeout how long a response may take once the request is sent
	 */
	public RevocationFetcher(Duration connectTimeout, Duration readTimeout) {
		Assert.notNull(connectTimeout, "connectTimeout cannot be null");
		Assert.notNull(readTimeout, "readTimeout cannot be null");
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.readTimeout = readTimeout;
	}

	/**
	 * Whether a location can be fetched: http, https, or (for files) file.
	 * @param location the location
	 * @param files whether {@code file:} is allowed
	 * @return {@code true} if supported
	 */
	public static boolean isSupported(URI location, boolean files) {
		String scheme = (location.getScheme() != null) ? location.getScheme().toLowerCase(Locale.ROOT) : "";
		return scheme.equals("http") || scheme.equals("https") || (files && scheme.equals("file"));
	}

	/**
	 * GET a resource, or read a {@code file:} location.
	 * @param location the location
	 * @return the bytes
	 * @throws IOException when it cannot be had, answers other than 200, or is too large
	 */
	public byte[] get(URI location) throws IOException {
		if ("file".equalsIgnoreCase(location.getScheme())) {
			Path file = Path.of(location);
			if (Files.size(file) > MAX_BYTES) {
				throw new IOException("File exceeds " + MAX_BYTES + " bytes");
			}
			return Files.readAllBytes(file);
		}
		return send(HttpRequest.newBuilder(location).GET());
	}

	/**
	 * POST a body.
	 * @param location the location
	 * @param contentType the body's media type
	 * @param body the body
	 * @return the response bytes
	 * @throws IOException when no 200 response could be had, or it is too large
	 */
	public byte[] post(URI location, String contentType, byte[] body) throws IOException {
		return send(HttpRequest.newBuilder(location)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private byte[] send(HttpRequest.Builder request) throws IOException {
		// The request timeout bounds the wait for the response head; the future's bounds
		// the body.
		CompletableFuture<byte[]> body = this.client
			.sendAsync(request.timeout(this.readTimeout).build(), HttpResponse.BodyHandlers.ofInputStream())
			.thenApply(RevocationFetcher::read);
		try {
			return body.get(this.readTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
		catch (TimeoutException ex) {
			body.cancel(true);
			throw new IOException("No complete response within the read timeout", ex);
		}
		catch (ExecutionException ex) {
			throw new IOException("Fetch failed", ex.getCause());
		}
	}

	private static byte[] read(HttpResponse<InputStream> response) {
		try (InputStream in = response.body()) {
			if (response.statusCode() != 200) {
				throw new UncheckedIOException(new IOException("Expected status 200"));
			}
			byte[] bytes = in.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new UncheckedIOException(new IOException("Response exceeds " + MAX_BYTES + " bytes"));
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
