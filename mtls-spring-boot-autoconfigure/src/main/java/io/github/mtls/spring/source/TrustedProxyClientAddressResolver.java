package io.github.mtls.spring.source;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.Assert;

import io.github.mtls.spring.net.IpAddress;

/**
 * Tells the caller's address behind trusted proxies, the address IP allowlists are
 * checked against: for a request from a trusted proxy, the right-most address of the
 * client address header (all its lines joined) that is not itself a trusted proxy,
 * walking from the right; never simply the left-most entry, which the caller writes.
 * Entries may carry a port ({@code 198.51.100.7:4431}, {@code [2001:db8::1]:443}) or RFC
 * 7239 quotes; the address is returned without them. For any other request, or when the
 * header is absent or the walk meets an entry that is not an address (a host name,
 * {@code unknown}, a malformed literal), the TCP peer address: such an entry is treated
 * as untrusted and stops the walk, never a 5xx.
 *
 * @author mtls-spring-boot
 */
public final class TrustedProxyClientAddressResolver implements ClientAddressResolver {

	private final TrustedProxies trustedProxies;

	private final String header;

	/**
	 * Create a resolver.
	 * @param trustedProxies the trusted proxies
	 * @param header the header where trusted proxies put the caller's address, such as
	 * {@code X-Forwarded-For}
	 */
	public TrustedProxyClientAddressResolver(TrustedProxies trustedProxies, String header) {
		Assert.notNull(trustedProxies, "trustedProxies cannot be null");
		Assert.hasText(header, "header cannot be empty");
		this.trustedProxies = trustedProxies;
		this.header = header;
	}

	@Override
	public String resolve(HttpServletRequest request) {
		return resolve(request, this.trustedProxies.isTrusted(request));
	}

	/**
	 * Return the caller's address, taking the trusted-proxy decision the source made for
	 * the request when it made one, so that the peer is checked once per request.
	 */
	@Override
	public String resolve(HttpServletRequest request, ClientCertificate certificate) {
		return switch (certificate.peer()) {
			case TRUSTED_PROXY -> resolve(request, true);
			case NOT_TRUSTED_PROXY -> resolve(request, false);
			case UNCHECKED -> resolve(request);
		};
	}

	private String resolve(HttpServletRequest request, boolean fromTrustedProxy) {
		String peer = PeerAddress.of(request);
		if (!fromTrustedProxy) {
			return peer;
		}
		List<String> entries = entries(request);
		for (int i = entries.size() - 1; i >= 0; i--) {
			IpAddress entry = IpAddress.parseForwarded(entries.get(i));
			if (entry == null) {
				return peer;
			}
			if (i == 0 || !this.trustedProxies.isTrustedAddress(entry)) {
				return entry.toString();
			}
		}
		return peer;
	}

	private List<String> entries(HttpServletRequest request) {
		List<String> entries = new ArrayList<>();
		Enumeration<String> lines = request.getHeaders(this.header);
		while (lines != null && lines.hasMoreElements()) {
			for (String entry : lines.nextElement().split(",")) {
				String address = entry.strip();
				if (!address.isEmpty()) {
					entries.add(address);
				}
			}
		}
		return entries;
	}

}
