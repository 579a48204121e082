package io.github.mtls.spring.validation;

import java.security.KeyStore;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Replaces a PKIX validator's trust anchors with the trusted certificates of an updated
 * trust store, and empties the validation cache so no result reached with the old anchors
 * is served. A store without a trusted certificate leaves the previous anchors in force:
 * an update that half-lands must not trust nobody (every caller refused) or keep serving
 * results of anchors that are gone.
 *
 * @author mtls-spring-boot
 */
public final class TrustAnchorsReload {

	private static final Log logger = LogFactory.getLog(TrustAnchorsReload.class);

	private final PkixCertificateValidator validator;

	private final @Nullable CachingCertificateValidator cache;

	private final String source;

	/**
	 * Create a reload.
	 * @param validator the validator whose anchors are replaced
	 * @param cache the cache in front of it, or {@code null}
	 * @param source where the anchors come from, for the log (an SSL bundle's name)
	 */
	public TrustAnchorsReload(PkixCertificateValidator validator, @Nullable CachingCertificateValidator cache,
			String source) {
		Assert.notNull(validator, "validator cannot be null");
		Assert.hasText(source, "source cannot be empty");
		this.validator = validator;
		this.cache = cache;
		this.source = source;
	}

	/**
	 * Take the trusted certificates of the updated store as the anchors.
	 * @param trustStore the updated trust store, or {@code null} when it has none
	 * @return {@code true} if the anchors were replaced, {@code false} if the previous
	 * ones stay in force
	 */
	public boolean reload(@Nullable KeyStore trustStore) {
		TrustAnchors anchors;
		try {
			if (trustStore == null) {
				throw new IllegalArgumentException("no trust store");
			}
			anchors = TrustAnchors.of(trustStore);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Client CA trust anchors not reloaded from " + this.source
					+ ": its trust store holds no trusted certificate; the previous anchors stay in force");
			return false;
		}
		this.validator.setTrustAnchors(anchors);
		if (this.cache != null) {
			this.cache.clear();
		}
		logger.info("Client CA trust anchors reloaded from " + this.source);
		return true;
	}

}
