package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.Assert;

import io.github.mtls.spring.validation.Sha256Fingerprint;

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

	/**
	 * The request attribute under which a trusted proxy's own TLS chain is kept once read
	 * to check its fingerprint; the servlet certificate attribute itself is replaced by
	 * the forwarded chain after authentication.
	 */
	public static final String PROXY_CERTIFICATE_ATTRIBUTE = TrustedProxies.class.getName() + ".proxyCertificate";

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
		if (!isConfigured()) {
			return false;
		}
		if (!this.addresses.isEmpty() && !isTrustedAddress(PeerAddress.of(request))) {
			return false;
		}
		if (this.certificates.isEmpty()) {
			return true;
		}
		if (request.getAttribute(PROXY_CERTIFICATE_ATTRIBUTE) != null) {
			// Checked already for this request (source, then address resolver).
			return true;
		}
		Object attribute = request.getAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE);
		if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0 || !isPinned(chain[0])) {
			return false;
		}
		request.setAttribute(PROXY_CERTIFICATE_ATTRIBUTE, chain);
		return true;
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
