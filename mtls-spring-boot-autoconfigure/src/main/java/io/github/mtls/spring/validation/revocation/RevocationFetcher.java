package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.springframework.util.Assert;

import io.github.mtls.spring.http.BoundedHttpFetch;

/**
 * Fetches OCSP responses and CRLs over HTTP(S) with a {@link BoundedHttpFetch} (connect
 * timeout, one deadline for the whole response, size limit, no redirects); reads
 * configured CRL files.
 *
 * @author mtls-spring-boot
 */
public final class RevocationFetcher {

	private static final int MAX_BYTES = 10 * 1024 * 1024;

	private final BoundedHttpFetch fetch;

	/**
	 * Create a fetcher.
	 * @param connectTimeout how long a connection may take
	 * @param readTimeout how long a response may take once the request is sent
	 */
	public RevocationFetcher(Duration connectTimeout, Duration readTimeout) {
		Assert.notNull(connectTimeout, "connectTimeout cannot be null");
		Assert.notNull(readTimeout, "readTimeout cannot be null");
		this.fetch = new BoundedHttpFetch(connectTimeout, readTimeout, MAX_BYTES);
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
		return this.fetch.get(location, null);
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
		return this.fetch.post(location, contentType, body);
	}

}
