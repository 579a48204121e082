package io.github.mtls.spring.header;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.util.Assert;

/**
 * Remembers what recent header values decoded to, so that a caller's repeated requests
 * are not decoded and parsed again: behind a proxy every request of a connection carries
 * the same header, and decoding it is most of the cost of a request. Keyed by the value
 * itself (hashed, then compared in full); only successes are kept, so refused values,
 * which anyone behind the proxy can vary freely, take no room; at most
 * {@code maxEntries}. A Caffeine cache, so that concurrent forwarded requests do not
 * queue on one lock, and a flood of one-off values cannot push out the values seen often.
 * Validation results are not cached here.
 *
 * @author mtls-spring-boot
 */
public final class CachingHeaderDecoder implements CertificateHeaderDecoder {

	private final CertificateHeaderDecoder delegate;

	private final Cache<String, DecodedHeader> cache;

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
	public DecodedHeader decode(String value) {
		DecodedHeader decoded = this.cache.getIfPresent(value);
		if (decoded != null) {
			return decoded;
		}
		// Decoded outside the cache: a slow decode holds no lock that other values would
		// wait on.
		decoded = this.delegate.decode(value);
		if (!decoded.isRefused()) {
			this.cache.put(value, decoded);
		}
		return decoded;
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
