package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.net.IpAddress;
import io.github.mtls.spring.net.IpAddressRange;

/**
 * The proxies whose forwarded headers are believed. A peer is trusted when every
 * configured criterion holds: its TCP peer address ({@link PeerAddress}) is in one of the
 * address ranges and, when fingerprints are configured, its own TLS client certificate's
 * SHA-256 is one of them. Nothing configured trusts no one, so a forwarded header is
 * never believed by default.
 *
 * @author mtls-spring-boot
 */
public final class TrustedProxies {

	private static final TrustedProxies NONE = new TrustedProxies(List.of(), Set.of());

	private final List<IpAddressRange> addresses;

	private final Set<Sha256Fingerprint> certificates;

	/**
	 * Create the trusted proxies.
	 * @param addresses address ranges (IPv4 or IPv6 addresses or CIDRs)
	 * @param certificates fingerprints of the proxies' own client certificates
	 * @throws IllegalArgumentException if an address is not an IP address or CIDR
	 */
	public TrustedProxies(List<String> addresses, Set<Sha256Fingerprint> certificates) {
		Assert.notNull(addresses, "addresses cannot be null");
		Assert.notNull(certificates, "certificates cannot be null");
		this.addresses = addresses.stream().map(IpAddressRange::of).toList();
		this.certificates = Set.copyOf(certificates);
	}

	/**
	 * Return trusted proxies that trust no one.
	 * @return the empty set of proxies
	 */
	public static TrustedProxies none() {
		return NONE;
	}

	/**
	 * Return the trusted address ranges, for operations.
	 * @return the ranges as configured, normalised
	 */
	public List<String> addresses() {
		return this.addresses.stream().map(IpAddressRange::toString).toList();
	}

	/**
	 * Return the fingerprints of the proxies' own client certificates, for operations.
	 * @return the fingerprints
	 */
	public Set<Sha256Fingerprint> certificates() {
		return this.certificates;
	}

	/**
	 * Whether any proxy is configured at all.
	 * @return {@code false} when no criterion is configured
	 */
	public boolean isConfigured() {
		return !this.addresses.isEmpty() || !this.certificates.isEmpty();
	}

	/**
	 * Whether the request's TCP peer is a trusted proxy. Reads the peer's TLS certificate
	 * only when fingerprints are configured (Tomcat throws and catches an exception each
	 * time it is read on a connection without one).
	 * @param request the request
	 * @return whether the peer is trusted
	 */
	public boolean isTrusted(HttpServletRequest request) {
		return trustedProxyChain(request) != null;
	}

	/**
	 * Check the request's TCP peer once, returning what the check read: {@code null} when
	 * the peer is not a trusted proxy; else the proxy's own TLS chain when it was read to
	 * check the proxy's fingerprint, an empty list when the address alone decided. The
	 * forwarded source asks once per request and passes the decision on in its
	 * {@link ClientCertificate}, so nothing is cached in the request.
	 * @param request the request
	 * @return the trusted proxy's chain (possibly empty), or {@code null} when the peer
	 * is not trusted
	 */
	public @Nullable List<X509Certificate> trustedProxyChain(HttpServletRequest request) {
		if (!isConfigured()) {
			return null;
		}
		if (!this.addresses.isEmpty() && !isTrustedAddress(PeerAddress.of(request))) {
			return null;
		}
		if (this.certificates.isEmpty()) {
			return List.of();
		}
		Object attribute = request.getAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE);
		if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0 || !isPinned(chain[0])) {
			return null;
		}
		return List.of(chain);
	}

	private boolean isPinned(X509Certificate certificate) {
		try {
			return this.certificates.contains(Sha256Fingerprint.of(certificate));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Whether an address is in the trusted address ranges. Only IP literals match: a host
	 * name is never looked up.
	 * @param address an address
	 * @return whether it is a trusted proxy address
	 */
	public boolean isTrustedAddress(String address) {
		IpAddress parsed = IpAddress.parse(address);
		return parsed != null && isTrustedAddress(parsed);
	}

	/**
	 * Whether an address is in the trusted address ranges, of its own family only.
	 * @param address an address
	 * @return whether it is a trusted proxy address
	 */
	public boolean isTrustedAddress(IpAddress address) {
		for (IpAddressRange range : this.addresses) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

}
