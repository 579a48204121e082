package io.github.mtls.spring.observability;

import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;

/**
 * Counts in Micrometer the revocation lookups answered unknown from a remembered failure
 * of their OCSP responder or CRL location, without asking it: {@value #SKIPPED} tagged
 * with the {@code source} ({@code ocsp} or {@code crl}); and the fetches of each kind of
 * source, {@value #FETCHES} tagged with the {@code source} and the {@code outcome}
 * ({@code success}: a usable answer; {@code failure}: none, garbage, or the source's own
 * error). The counters are registered once and read the memory's own counts.
 *
 * @author mtls-spring-boot
 */
public final class RevocationSourceFailuresMetrics implements MeterBinder {

	/**
	 * The counter of lookups answered from a remembered failure.
	 */
	public static final String SKIPPED = "mtls.revocation.lookups.skipped";

	/**
	 * The counter of fetches from revocation sources.
	 */
	public static final String FETCHES = "mtls.revocation.fetches";

	private final RevocationSourceFailures failures;

	/**
	 * Create the metrics.
	 * @param failures the memory of failed sources
	 */
	public RevocationSourceFailuresMetrics(RevocationSourceFailures failures) {
		Assert.notNull(failures, "failures cannot be null");
		this.failures = failures;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (RevocationSourceFailures.Kind kind : RevocationSourceFailures.Kind.values()) {
			FunctionCounter.builder(SKIPPED, this.failures, (failures) -> failures.skipped(kind))
				.description("Revocation lookups answered unknown without asking, because their OCSP responder "
						+ "or CRL location failed moments ago")
				.tag("source", kind.name().toLowerCase(Locale.ROOT))
				.register(registry);
			String source = kind.name().toLowerCase(Locale.ROOT);
			FunctionCounter.builder(FETCHES, this.failures, (failures) -> failures.fetched(kind))
				.description("Fetches from OCSP responders and CRL locations")
				.tag("source", source)
				.tag("outcome", "success")
				.register(registry);
			FunctionCounter.builder(FETCHES, this.failures, (failures) -> failures.fetchesFailed(kind))
				.description("Fetches from OCSP responders and CRL locations")
				.tag("source", source)
				.tag("outcome", "failure")
				.register(registry);
		}
	}

}
