package io.github.mtls.spring.certificate;

import java.security.cert.X509Certificate;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.util.Assert;

/**
 * Remembers a value computed from a certificate object for as long as that object is in
 * use, so that a caller's repeated requests do not hash or parse the same certificate
 * again: a TLS session hands every request of its connections (and of its resumptions)
 * the same certificate objects, and the decoded-header cache hands a proxy's repeated
 * header the same ones. Keyed by identity and held weakly, so a certificate no request
 * uses any more is forgotten with it; at most {@code maxEntries} are kept, so a flood of
 * distinct certificates cannot grow it. Values must depend on the certificate alone (an
 * {@link X509Certificate} is immutable); a computation that throws is not remembered.
 *
 * @param <V> the type of value
 * @author mtls-spring-boot
 */
public final class CertificateMemo<V> {

	/**
	 * The bound the starter's memos use: far more certificates than the live TLS sessions
	 * and decoded headers of one instance hold.
	 */
	public static final long DEFAULT_MAX_ENTRIES = 10_000;

	private final Function<X509Certificate, V> compute;

	private final Cache<X509Certificate, V> values;

	/**
	 * Create a memo.
	 * @param compute computes the value of a certificate
	 * @param maxEntries the most certificates to remember
	 */
	public CertificateMemo(Function<X509Certificate, V> compute, long maxEntries) {
		Assert.notNull(compute, "compute cannot be null");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		this.compute = compute;
		this.values = Caffeine.newBuilder().weakKeys().maximumSize(maxEntries).build();
	}

	/**
	 * Return the value of a certificate, computing it the first time.
	 * @param certificate the certificate
	 * @return its value
	 */
	public V get(X509Certificate certificate) {
		V value = this.values.getIfPresent(certificate);
		if (value == null) {
			// Computed outside the cache: an exception leaves nothing behind, and a
			// racing request at worst computes the same value twice.
			value = this.compute.apply(certificate);
			this.values.put(certificate, value);
		}
		return value;
	}

	/**
	 * Return how many certificates are remembered.
	 * @return the count, after pending evictions have run
	 */
	public long size() {
		this.values.cleanUp();
		return this.values.estimatedSize();
	}

}
