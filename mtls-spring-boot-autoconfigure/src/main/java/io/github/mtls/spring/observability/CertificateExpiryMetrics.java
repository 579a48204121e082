package io.github.mtls.spring.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * {@value #EXPIRY}: the days until the earliest not-after among the certificates of each
 * kind ({@code server}, {@code trust_anchor}, {@code intermediate}), negative once one
 * has expired, {@code NaN} when there is none of that kind. Read when the registry is
 * scraped, so a reload shows.
 *
 * @author mtls-spring-boot
 */
public final class CertificateExpiryMetrics implements MeterBinder {

	/**
	 * The gauge of days until the earliest expiry.
	 */
	public static final String EXPIRY = "mtls.certificates.expiry";

	private final CertificateInventory inventory;

	private final Clock clock;

	/**
	 * Create the metrics.
	 * @param inventory the certificates watched
	 * @param clock tells the time
	 */
	public CertificateExpiryMetrics(CertificateInventory inventory, Clock clock) {
		Assert.notNull(inventory, "inventory cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.inventory = inventory;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (CertificateInventory.Kind kind : CertificateInventory.Kind.values()) {
			Gauge.builder(EXPIRY, this, (metrics) -> metrics.daysLeft(kind))
				.description("Days until the earliest expiry among the certificates of a kind")
				.baseUnit("days")
				.tag("kind", kind.tag())
				.register(registry);
		}
	}

	double daysLeft(CertificateInventory.Kind kind) {
		Instant earliest = null;
		for (CertificateInventory.Entry entry : this.inventory.certificates()) {
			if (entry.kind() == kind && (earliest == null || entry.notAfter().isBefore(earliest))) {
				earliest = entry.notAfter();
			}
		}
		if (earliest == null) {
			return Double.NaN;
		}
		return Duration.between(this.clock.instant(), earliest).toSeconds() / 86400.0;
	}

}
