package io.github.mtls.spring.source;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells the address of the caller a request acts for: the TCP peer for a direct
 * connection. Used by source-IP allowlists. Declare a bean of this type to replace the
 * starter's.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface ClientAddressResolver {

	/**
	 * Return the caller's address.
	 * @param request the request
	 * @return an IPv4 or IPv6 literal
	 */
	String resolve(HttpServletRequest request);

	/**
	 * Return the resolver that takes the TCP peer address.
	 * @return the resolver
	 */
	static ClientAddressResolver peerAddress() {
		return PeerAddress::of;
	}

}
