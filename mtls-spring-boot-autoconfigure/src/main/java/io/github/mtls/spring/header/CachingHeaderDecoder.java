package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.util.Assert;

/**
 * Remembers the certificates decoded from recent header values, so that a caller's
 * repeated requests are not decoded and parsed again: behind a proxy every request of a
 * connection carries the same header, and decoding it is most of the cost of a request.
 * Keyed by the value itself (hashed, then compared in full); only successes are kept, at
 * most {@code maxEntries}. A Caffeine cache, so that concurrent forwarded requests do not
 * queue on one lock, and a flood of one-off values cannot push out the values seen often.
 * Validation results are not cached here.
 *
 * @author mtls-spring-boot
 */
public final class CachingHeaderDecoder implements CertificateHeaderDecoder {

	private final CertificateHeaderDecoder delegate;

	private final Cache<String, List<X509Certificate>> cache;

	/**
	 * Create a caching decoder.
	 * @param delegate the decoder
	 * @param maxEntries the most values to remember
	 */
	public CachingHeaderDecoder(CertificateHeaderDecoder delegate, int maxEntries) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		this.delegate = delegate;
		this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
	}

	@Override
	public List<X509Certificate> decode(String value) {
		List<X509Certificate> certificates = this.cache.getIfPresent(value);
		if (certificates != null) {
			return certificates;
		}
		// Decoded outside the cache: a failure throws and leaves nothing behind, and a
		// slow decode holds no lock that other values would wait on.
		certificates = List.copyOf(this.delegate.decode(value));
		this.cache.put(value, certificates);
		return certificates;
	}

	/**
	 * Return how many values are remembered.
	 * @return the count, after pending evictions have run
	 */
	public long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

}
