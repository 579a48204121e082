package io.github.mtls.spring.observability;

import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;

/**
 * Meters of the operator registry: {@value #SIZE}, the entries it lists, and with the
 * portal's org list {@value #REFRESHES} tagged with the {@code outcome} of each read
 * ({@code applied}, {@code unchanged}, {@code stale} or {@code failed}). Registered once;
 * they read the registry's own counts.
 *
 * @author mtls-spring-boot
 */
public final class RegistryMetrics implements MeterBinder {

	/**
	 * The gauge of registry entries.
	 */
	public static final String SIZE = "mtls.registry.size";

	/**
	 * The counter of org-list reads.
	 */
	public static final String REFRESHES = "mtls.registry.refreshes";

	private final OperatorRegistry registry;

	private final @Nullable OrgListOperatorRegistry orgList;

	/**
	 * Create the metrics.
	 * @param registry the registry requests are looked up in
	 * @param orgList the org-list registry, or {@code null} when none is configured
	 */
	public RegistryMetrics(OperatorRegistry registry, @Nullable OrgListOperatorRegistry orgList) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
		this.orgList = orgList;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder(SIZE, this.registry, (registry) -> registry.getRegistrations().size())
			.description("Operator registry entries (inline and org list)")
			.register(meters);
		if (this.orgList != null) {
			for (OrgListOperatorRegistry.Outcome outcome : OrgListOperatorRegistry.Outcome.values()) {
				FunctionCounter.builder(REFRESHES, this.orgList, (orgList) -> orgList.refreshes(outcome))
					.description("Reads of the MyData portal's org list, by outcome")
					.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
					.register(meters);
			}
		}
	}

}
