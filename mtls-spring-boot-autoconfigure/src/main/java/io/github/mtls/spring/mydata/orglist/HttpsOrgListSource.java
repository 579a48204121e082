package io.github.mtls.spring.mydata.orglist;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.http.BoundedHttpFetch;

/**
 * Reads the org list from an {@code https:} URL with a {@link BoundedHttpFetch} (one
 * deadline for the whole body, a size cap, no redirects) and, when the server demands
 * mutual TLS, the {@link SSLContext} of a client SSL bundle. Only a 200 answer is a
 * document.
 *
 * @author mtls-spring-boot
 */
public final class HttpsOrgListSource implements OrgListSource {

	private final URI uri;

	private final BoundedHttpFetch fetch;

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
		this.fetch = new BoundedHttpFetch(timeout, timeout, MAX_BYTES, sslContext);
	}

	@Override
	public byte[] read() throws IOException {
		return this.fetch.get(this.uri, "application/json");
	}

	@Override
	public String description() {
		return this.uri.getScheme() + "://" + this.uri.getHost()
				+ ((this.uri.getPort() != -1) ? ":" + this.uri.getPort() : "")
				+ ((this.uri.getPath() != null) ? this.uri.getPath() : "");
	}

}
