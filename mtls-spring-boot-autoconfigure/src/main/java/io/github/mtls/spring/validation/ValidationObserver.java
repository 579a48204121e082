package io.github.mtls.spring.validation;

/**
 * Told of every validation a {@link CachingCertificateValidator} answers, for metrics.
 * Called on the request path: implementations must be fast and never throw.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface ValidationObserver {

	/**
	 * An observer that does nothing.
	 */
	ValidationObserver NONE = (cacheHit, nanos) -> {
	};

	/**
	 * Called after a validation.
	 * @param cacheHit whether the cache answered it
	 * @param nanos how long it took
	 */
	void validated(boolean cacheHit, long nanos);

}
