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
	 * Return the caller's address of a request whose client certificate the
	 * {@link ClientCertificateSource} has resolved: its result says whether the peer is a
	 * trusted proxy, so a resolver need not check again. By default
	 * {@link #resolve(HttpServletRequest)}, so a resolver written for that method keeps
	 * working.
	 * @param request the request
	 * @param certificate what the source resolved
	 * @return an IPv4 or IPv6 literal
	 */
	default String resolve(HttpServletRequest request, ClientCertificate certificate) {
		return resolve(request);
	}

	/**
	 * Return the resolver that takes the TCP peer address.
	 * @return the resolver
	 */
	static ClientAddressResolver peerAddress() {
		return PeerAddress::of;
	}

}
