package io.github.mtls.spring.observability;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.validation.CachingCertificateValidator;
import io.github.mtls.spring.validation.PkixCertificateValidator;
import io.github.mtls.spring.validation.ValidationObserver;

/**
 * Meters of chain validation: {@value #DURATION}, a timer tagged {@code cache}
 * ({@code hit} or {@code miss}); {@value #CACHE_SIZE}, the chains the cache remembers;
 * and {@value #UNKNOWN_ACCEPTED}, the certificates accepted with an unknown revocation
 * status under {@code revocation-failure: open}. All are registered when this is created;
 * a validation records into a timer it already holds.
 *
 * @author mtls-spring-boot
 */
public final class ValidationMetrics implements ValidationObserver {

	/**
	 * The timer of validations.
	 */
	public static final String DURATION = "mtls.validation.duration";

	/**
	 * The gauge of remembered chains.
	 */
	public static final String CACHE_SIZE = "mtls.validation.cache.size";

	/**
	 * The counter of certificates accepted with an unknown revocation status.
	 */
	public static final String UNKNOWN_ACCEPTED = "mtls.revocation.unknown.accepted";

	private final Timer hit;

	private final Timer miss;

	/**
	 * Create and register the meters.
	 * @param registry where the meters live
	 * @param cache the validation cache, or {@code null} when caching is off
	 * @param pkix the PKIX validator, or {@code null} when the application replaced it
	 */
	public ValidationMetrics(MeterRegistry registry, @Nullable CachingCertificateValidator cache,
			@Nullable PkixCertificateValidator pkix) {
		Assert.notNull(registry, "registry cannot be null");
		this.hit = timer(registry, "hit");
		this.miss = timer(registry, "miss");
		if (cache != null) {
			Gauge.builder(CACHE_SIZE, cache, CachingCertificateValidator::size)
				.description("Client certificate chains whose successful validation is remembered")
				.register(registry);
		}
		if (pkix != null) {
			FunctionCounter.builder(UNKNOWN_ACCEPTED, pkix, PkixCertificateValidator::getUnknownRevocationAccepted)
				.description("Client certificates accepted with an unknown revocation status under "
						+ "revocation-failure: open")
				.register(registry);
		}
	}

	private static Timer timer(MeterRegistry registry, String cache) {
		return Timer.builder(DURATION)
			.description("Client certificate chain validations, answered by the cache or computed")
			.tag("cache", cache)
			.register(registry);
	}

	@Override
	public void validated(boolean cacheHit, long nanos) {
		(cacheHit ? this.hit : this.miss).record(nanos, TimeUnit.NANOSECONDS);
	}

}
