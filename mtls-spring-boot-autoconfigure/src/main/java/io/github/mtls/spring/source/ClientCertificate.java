package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsReason;

/**
 * What a {@link ClientCertificateSource} found in a request: no certificate
 * ({@link #absent()}), a chain ({@link #direct(List)}, {@link #forwarded(List, Set)}), or
 * a refusal naming its {@link MtlsReason} ({@link #refused(MtlsReason)}). Besides the
 * chain it carries everything the rest of the pipeline needs from the source: where the
 * chain came from, which headers the source consumed (hidden from the application
 * whatever the outcome), whether the TCP peer is a trusted proxy (so that the client
 * address resolver need not ask again) with the proxy's own TLS chain when it was read,
 * and the caller's address when the source knows it.
 * <p>
 * A value rather than request attributes, so that a custom source needs no attribute
 * names and every step receives what the previous one found. A value rather than an
 * exception for a refusal: refusals are expected input under attack (a forged header, a
 * second header line), a result costs no stack trace and cannot be forgotten by a caller.
 * Only the Spring Security seam ({@code MtlsAuthenticationConverter}) turns a refusal
 * into the {@code AuthenticationException} its contract demands.
 *
 * @param chain the chain, leaf first; empty when absent or refused
 * @param origin where the chain came from
 * @param consumedHeaders the names of the headers the source read, to hide downstream
 * @param refusal why the request is refused, or {@code null}
 * @param peer whether the TCP peer is a trusted proxy, as far as the source checked
 * @param proxyChain a trusted proxy's own TLS chain when it was read to check the proxy's
 * fingerprint; empty otherwise
 * @param clientAddress the caller's address when the source knows it, else {@code null}
 * (then the {@link ClientAddressResolver} tells it)
 * @author mtls-spring-boot
 */
public record ClientCertificate(List<X509Certificate> chain, CertificateOrigin origin, Set<String> consumedHeaders,
		@Nullable MtlsReason refusal, Peer peer, List<X509Certificate> proxyChain, @Nullable String clientAddress) {

	private static final ClientCertificate ABSENT = new ClientCertificate(List.of(), CertificateOrigin.DIRECT, Set.of(),
			null, Peer.UNCHECKED, List.of(), null);

	public ClientCertificate {
		Assert.notNull(chain, "chain cannot be null");
		Assert.notNull(origin, "origin cannot be null");
		Assert.notNull(consumedHeaders, "consumedHeaders cannot be null");
		Assert.notNull(peer, "peer cannot be null");
		Assert.notNull(proxyChain, "proxyChain cannot be null");
		Assert.isTrue(refusal == null || chain.isEmpty(), "a refusal carries no chain");
		chain = List.copyOf(chain);
		consumedHeaders = Set.copyOf(consumedHeaders);
		proxyChain = List.copyOf(proxyChain);
	}

	/**
	 * Return the outcome of a request without a client certificate.
	 * @return the outcome
	 */
	public static ClientCertificate absent() {
		return ABSENT;
	}

	/**
	 * Return the outcome of a chain the TLS peer presented itself.
	 * @param chain the chain, leaf first; an empty chain is {@link #absent()}
	 * @return the outcome
	 */
	public static ClientCertificate direct(List<X509Certificate> chain) {
		return new ClientCertificate(chain, CertificateOrigin.DIRECT, Set.of(), null, Peer.UNCHECKED, List.of(), null);
	}

	/**
	 * Return the outcome of a chain a proxy forwarded in headers: it is validated as
	 * forwarded and exposed as the servlet certificate attribute once authenticated.
	 * @param chain the chain, leaf first; an empty chain is absent
	 * @param consumedHeaders the headers it came in, to hide downstream
	 * @return the outcome
	 */
	public static ClientCertificate forwarded(List<X509Certificate> chain, Set<String> consumedHeaders) {
		return new ClientCertificate(chain, chain.isEmpty() ? CertificateOrigin.DIRECT : CertificateOrigin.FORWARDED,
				consumedHeaders, null, Peer.UNCHECKED, List.of(), null);
	}

	/**
	 * Return the outcome of a request that is refused.
	 * @param reason why
	 * @return the outcome
	 */
	public static ClientCertificate refused(MtlsReason reason) {
		Assert.notNull(reason, "reason cannot be null");
		return new ClientCertificate(List.of(), CertificateOrigin.DIRECT, Set.of(), reason, Peer.UNCHECKED, List.of(),
				null);
	}

	/**
	 * Return this outcome with the headers the source consumed.
	 * @param consumedHeaders the header names, to hide downstream
	 * @return the outcome
	 */
	public ClientCertificate withConsumedHeaders(Set<String> consumedHeaders) {
		return new ClientCertificate(this.chain, this.origin, consumedHeaders, this.refusal, this.peer, this.proxyChain,
				this.clientAddress);
	}

	/**
	 * Return this outcome for a request whose TCP peer is a trusted proxy.
	 * @param proxyChain the proxy's own TLS chain when it was read, else empty
	 * @return the outcome
	 */
	public ClientCertificate fromTrustedProxy(List<X509Certificate> proxyChain) {
		return new ClientCertificate(this.chain, this.origin, this.consumedHeaders, this.refusal, Peer.TRUSTED_PROXY,
				proxyChain, this.clientAddress);
	}

	/**
	 * Return this outcome for a request whose TCP peer is not a trusted proxy.
	 * @return the outcome
	 */
	public ClientCertificate fromUntrustedPeer() {
		return new ClientCertificate(this.chain, this.origin, this.consumedHeaders, this.refusal,
				Peer.NOT_TRUSTED_PROXY, List.of(), this.clientAddress);
	}

	/**
	 * Return this outcome with the caller's address, for a source that knows it.
	 * @param clientAddress an IPv4 or IPv6 literal
	 * @return the outcome
	 */
	public ClientCertificate withClientAddress(String clientAddress) {
		Assert.hasText(clientAddress, "clientAddress cannot be empty");
		return new ClientCertificate(this.chain, this.origin, this.consumedHeaders, this.refusal, this.peer,
				this.proxyChain, clientAddress);
	}

	/**
	 * Whether the request carries a client certificate to authenticate.
	 * @return {@code true} when there is a chain
	 */
	public boolean isPresent() {
		return !this.chain.isEmpty();
	}

	/**
	 * Whether the request is refused.
	 * @return {@code true} when there is a {@link #refusal()}
	 */
	public boolean isRefused() {
		return this.refusal != null;
	}

	/**
	 * Whether the TCP peer of the request is a trusted proxy, as far as the source
	 * checked.
	 */
	public enum Peer {

		/**
		 * The source did not check (a direct or custom source): ask the trusted proxies.
		 */
		UNCHECKED,

		/**
		 * The peer is a trusted proxy.
		 */
		TRUSTED_PROXY,

		/**
		 * The peer is not a trusted proxy.
		 */
		NOT_TRUSTED_PROXY

	}

}
