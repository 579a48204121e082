package io.github.mtls.spring.observability;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListStatus;

/**
 * Health of the org-list operator registry: {@code DOWN} until a first good document has
 * been applied (only inline operators can call until then), {@code UP} afterwards, with
 * the last refresh failure, if any, in the details while the last good registry stays in
 * use. Details name the location, times and counts, never the document.
 *
 * @author mtls-spring-boot
 */
public final class OrgListHealthIndicator implements HealthIndicator {

	private final OrgListOperatorRegistry registry;

	/**
	 * Create an indicator.
	 * @param registry the registry
	 */
	public OrgListHealthIndicator(OrgListOperatorRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
	}

	@Override
	public Health health() {
		OrgListStatus status = this.registry.status();
		Health.Builder builder = status.loaded() ? Health.up() : Health.down();
		builder.withDetail("location", status.location());
		if (!status.loaded()) {
			builder.withDetail("message", "no good org list read yet: only inline operators can call");
		}
		if (status.lastFailure() != null) {
			builder.withDetail("lastFailure", status.lastFailure());
		}
		if (status.lastApplied() != null) {
			builder.withDetail("lastApplied", status.lastApplied().toString());
		}
		if (status.lastAttempt() != null) {
			builder.withDetail("lastAttempt", status.lastAttempt().toString());
		}
		return builder.withDetail("searchTimestamp", status.searchTimestamp())
			.withDetail("entries", status.entries())
			.withDetail("operators", status.operators())
			.build();
	}

}
