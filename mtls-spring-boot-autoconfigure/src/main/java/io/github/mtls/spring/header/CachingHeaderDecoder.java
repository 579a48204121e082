package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * Remembers the certificates decoded from the most recent header values, so that a
 * caller's repeated requests are not decoded and parsed again (DESIGN D9). Keyed by the
 * value itself (hashed, then compared in full); only successes are kept, at most
 * {@code maxEntries}, least recently used first out. Validation results are not cached
 * here.
 *
 * @author mtls-spring-boot
 */
public final class CachingHeaderDecoder implements CertificateHeaderDecoder {

	private final CertificateHeaderDecoder delegate;

	private final Map<String, List<X509Certificate>> cache;

	/**
	 * Create a caching decoder.
	 * @param delegate the decoder
	 * @param maxEntries the most values to remember
	 */
	public CachingHeaderDecoder(CertificateHeaderDecoder delegate, int maxEntries) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.isTrue(maxEntries > 0, "maxEntries must be positive");
		this.delegate = delegate;
		this.cache = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, List<X509Certificate>> eldest) {
				return size() > maxEntries;
			}

		};
	}

	@Override
	public List<X509Certificate> decode(String value) {
		synchronized (this.cache) {
			List<X509Certificate> certificates = this.cache.get(value);
			if (certificates != null) {
				return certificates;
			}
		}
		List<X509Certificate> certificates = List.copyOf(this.delegate.decode(value));
		synchronized (this.cache) {
			this.cache.put(value, certificates);
		}
		return certificates;
	}

}
