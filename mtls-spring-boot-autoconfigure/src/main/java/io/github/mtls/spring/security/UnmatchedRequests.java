package io.github.mtls.spring.security;

/**
 * What happens to a request that no access rule matches.
 *
 * @author mtls-spring-boot
 */
public enum UnmatchedRequests {

	/** Any authenticated operator may call. */
	AUTHENTICATED,

	/**
	 * Refused with {@link io.github.mtls.spring.error.MtlsReason#NO_MATCHING_RULE}: only
	 * what a rule names is reachable.
	 */
	DENY

}
