package io.github.mtls.spring.source;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The TCP peer address of a request: the host at the other end of the connection, never
 * an address rewritten from {@code X-Forwarded-For} by Tomcat's {@code RemoteIpValve}
 * ({@code server.forward-headers-strategy=native}, on by default on cloud platforms) or
 * by Spring's {@code ForwardedHeaderFilter}. Under Tomcat, {@link PeerAddressValve}
 * records it in the {@link #ATTRIBUTE} request attribute; without it (MockMvc, other
 * containers) {@code getRemoteAddr()} is used.
 *
 * @author mtls-spring-boot
 */
public final class PeerAddress {

	/**
	 * The request attribute holding the TCP peer address.
	 */
	public static final String ATTRIBUTE = PeerAddress.class.getName();

	private PeerAddress() {
	}

	/**
	 * Return the TCP peer address of a request.
	 * @param request the request
	 * @return the address, as Tomcat prints it (an IPv4 or IPv6 literal)
	 */
	public static String of(HttpServletRequest request) {
		Object address = request.getAttribute(ATTRIBUTE);
		return (address instanceof String peer) ? peer : request.getRemoteAddr();
	}

}
