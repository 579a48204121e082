package io.github.mtls.spring.observability;

import java.util.Map;

import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.util.Assert;

/**
 * Spring Security's observation settings as {@code management.observations.enable.*}
 * decides them. With Actuator present, Spring Security wraps every filter of a chain, the
 * authentication manager and the authorization manager in observations; turning them off
 * with the property only makes each observation a no-op, so every request still allocates
 * and runs the wrappers. Settings that match the property take the wrappers out instead:
 * the same observations are off, at no cost per request.
 * <p>
 * A name is looked up as Spring Boot's observation predicate does: the name itself, then
 * each shorter dotted prefix, then {@code all}, enabled when none is set. Requests are
 * observed when any of the filter-chain observations is enabled.
 *
 * @author mtls-spring-boot
 */
public final class SpringSecurityObservations {

	/**
	 * The observation of each filter chain and its filters.
	 */
	static final String FILTER_CHAINS = "spring.security.filterchains";

	/**
	 * The observation of a request a filter chain secured.
	 */
	static final String SECURED_REQUESTS = "spring.security.http.secured.requests";

	/**
	 * The observation of a request no filter chain secured.
	 */
	static final String UNSECURED_REQUESTS = "spring.security.http.unsecured.requests";

	/**
	 * The observation of an authentication.
	 */
	static final String AUTHENTICATIONS = "spring.security.authentications";

	/**
	 * The observation of an authorization.
	 */
	static final String AUTHORIZATIONS = "spring.security.authorizations";

	private SpringSecurityObservations() {
	}

	/**
	 * Return the settings that observe what the properties leave enabled.
	 * @param enable the {@code management.observations.enable} map, name (or prefix) to
	 * whether it is observed
	 * @return the settings
	 */
	public static SecurityObservationSettings settings(Map<String, Boolean> enable) {
		Assert.notNull(enable, "enable cannot be null");
		boolean requests = isEnabled(enable, FILTER_CHAINS) || isEnabled(enable, SECURED_REQUESTS)
				|| isEnabled(enable, UNSECURED_REQUESTS);
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(requests)
			.shouldObserveAuthentications(isEnabled(enable, AUTHENTICATIONS))
			.shouldObserveAuthorizations(isEnabled(enable, AUTHORIZATIONS))
			.build();
	}

	static boolean isEnabled(Map<String, Boolean> enable, String name) {
		String candidate = name;
		while (!candidate.isEmpty()) {
			Boolean enabled = enable.get(candidate);
			if (enabled != null) {
				return enabled;
			}
			int dot = candidate.lastIndexOf('.');
			candidate = (dot != -1) ? candidate.substring(0, dot) : "";
		}
		return enable.getOrDefault("all", Boolean.TRUE);
	}

}
