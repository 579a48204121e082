package io.github.mtls.spring.mydata.orglist;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.Assert;

/**
 * Where an org-list document is read from.
 *
 * @author mtls-spring-boot
 */
public interface OrgListSource {

	/**
	 * The largest document read, in bytes.
	 */
	int MAX_BYTES = 32 * 1024 * 1024;

	/**
	 * Read the current document.
	 * @return its bytes
	 * @throws IOException if it cannot be read
	 */
	byte[] read() throws IOException;

	/**
	 * Describe the source for logs and health, without credentials or query strings.
	 * @return the description
	 */
	String description();

	/**
	 * Return the source of a location: a {@code file:} path (resolved by the resource
	 * loader) or an {@code https:} URL. Plain {@code http:} and every other scheme are
	 * refused: the org list decides who may call, so it is read only from the local file
	 * system or over TLS.
	 * @param location the location
	 * @param timeout for an {@code https:} location, the bound on the whole answer
	 * @param sslContext for an {@code https:} location, the TLS context to use (such as
	 * one with a client certificate), or {@code null} for the JDK's default; asked only
	 * for an {@code https:} location
	 * @param resourceLoader resolves a {@code file:} location
	 * @return the source
	 * @throws IllegalArgumentException if the location is not one of those, saying why
	 */
	static OrgListSource forLocation(@Nullable String location, Duration timeout,
			@Nullable Supplier<@Nullable SSLContext> sslContext, ResourceLoader resourceLoader) {
		Assert.notNull(timeout, "timeout cannot be null");
		Assert.notNull(resourceLoader, "resourceLoader cannot be null");
		if (location == null || location.isBlank()) {
			throw new IllegalArgumentException("Expected a file: path or an https: URL.");
		}
		String trimmed = location.trim();
		if (trimmed.startsWith("file:")) {
			return new FileOrgListSource(path(trimmed, resourceLoader));
		}
		if (trimmed.regionMatches(true, 0, "https:", 0, 6)) {
			URI uri;
			try {
				uri = URI.create(trimmed);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Not a valid URL.");
			}
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("The URL names no host.");
			}
			return new HttpsOrgListSource(uri, (sslContext != null) ? sslContext.get() : null, timeout);
		}
		throw new IllegalArgumentException("Expected a file: path or an https: URL (plain http: is refused).");
	}

	private static Path path(String location, ResourceLoader resourceLoader) {
		try {
			Resource resource = resourceLoader.getResource(location);
			return resource.getFile().toPath();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("Not a valid file path.");
		}
	}

}
