package io.github.mtls.spring.source;

/**
 * What to do with a forwarded certificate header sent by a peer that is not a trusted
 * proxy.
 *
 * @author mtls-spring-boot
 */
public enum UntrustedHeaderPolicy {

	/** Refuse the request (400, {@code UNTRUSTED_HEADER}). */
	REJECT,

	/** Ignore the header and authenticate the request by its own TLS chain. */
	IGNORE

}
