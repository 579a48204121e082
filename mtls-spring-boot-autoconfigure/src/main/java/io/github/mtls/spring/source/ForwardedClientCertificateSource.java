package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.header.CertificateHeaderDecoder;
import io.github.mtls.spring.header.DecodedHeader;
import io.github.mtls.spring.header.HeaderFormat;

/**
 * Takes the client certificate from the header a trusted proxy forwarded it in, never the
 * proxy's own TLS certificate, which would authenticate every caller behind the proxy as
 * the proxy. A request from a trusted proxy without the header has no client certificate.
 * A request from any other peer that carries the header (or the chain header) is refused
 * with {@code UNTRUSTED_HEADER}, or, under {@link UntrustedHeaderPolicy#IGNORE}, has the
 * headers ignored; it is then authenticated by its own TLS chain, unless the source is
 * forwarded-only, when it has no client certificate at all.
 * <p>
 * Each header may occur once and hold at most {@code maxHeaderBytes}; anything else, and
 * any value the decoder cannot read entirely, refuses the request. A chain taken from a
 * header is {@link ClientCertificate#forwarded forwarded}; the headers, whenever the
 * request carries them, are named in {@link ClientCertificate#consumedHeaders()} so that
 * they are hidden from the application whatever the outcome. The trusted-proxy decision
 * travels in the result too ({@link ClientCertificate#peer()}), so the client address
 * resolver does not check the peer a second time.
 *
 * @author mtls-spring-boot
 */
public final class ForwardedClientCertificateSource implements ClientCertificateSource {

	private final TrustedProxies trustedProxies;

	private final String header;

	private final @Nullable String chainHeader;

	private final CertificateHeaderDecoder decoder;

	private final Set<String> hiddenHeaders;

	private ClientCertificateSource direct = new DirectClientCertificateSource();

	private int maxHeaderBytes = 16384;

	private UntrustedHeaderPolicy untrustedHeaderPolicy = UntrustedHeaderPolicy.REJECT;

	private boolean forwardedOnly;

	/**
	 * Create a source.
	 * @param trustedProxies the proxies whose headers are believed
	 * @param header the header carrying the client certificate
	 * @param chainHeader the header carrying intermediates, if any
	 * @param decoder decodes both headers
	 */
	public ForwardedClientCertificateSource(TrustedProxies trustedProxies, String header, @Nullable String chainHeader,
			CertificateHeaderDecoder decoder) {
		Assert.notNull(trustedProxies, "trustedProxies cannot be null");
		Assert.hasText(header, "header cannot be empty");
		Assert.notNull(decoder, "decoder cannot be null");
		this.trustedProxies = trustedProxies;
		this.header = header;
		this.chainHeader = StringUtils.hasText(chainHeader) ? chainHeader : null;
		this.decoder = decoder;
		this.hiddenHeaders = (this.chainHeader != null) ? Set.of(header, this.chainHeader) : Set.of(header);
	}

	/**
	 * Set the largest header value accepted, in bytes; 16384 by default.
	 * @param maxHeaderBytes the limit
	 */
	public void setMaxHeaderBytes(int maxHeaderBytes) {
		Assert.isTrue(maxHeaderBytes > 0, "maxHeaderBytes must be positive");
		this.maxHeaderBytes = maxHeaderBytes;
	}

	/**
	 * Set what to do with the headers from a peer that is not a trusted proxy; reject by
	 * default.
	 * @param untrustedHeaderPolicy the policy
	 */
	public void setUntrustedHeaderPolicy(UntrustedHeaderPolicy untrustedHeaderPolicy) {
		Assert.notNull(untrustedHeaderPolicy, "untrustedHeaderPolicy cannot be null");
		this.untrustedHeaderPolicy = untrustedHeaderPolicy;
	}

	/**
	 * Set whether only trusted proxies may supply a certificate ({@code mtls.source:
	 * forwarded}); {@code false} by default, when other peers are authenticated by their
	 * own TLS chain ({@code auto}).
	 * @param forwardedOnly whether the direct TLS chain is never used
	 */
	public void setForwardedOnly(boolean forwardedOnly) {
		this.forwardedOnly = forwardedOnly;
	}

	/**
	 * Set where the chain of a peer that is not a trusted proxy comes from; a
	 * {@link DirectClientCertificateSource} reading every connector by default.
	 * @param direct the source of direct TLS chains
	 */
	public void setDirectSource(ClientCertificateSource direct) {
		Assert.notNull(direct, "direct cannot be null");
		this.direct = direct;
	}

	@Override
	public ClientCertificate resolve(HttpServletRequest request) {
		Set<String> consumed = carriesHeaders(request) ? this.hiddenHeaders : Set.of();
		List<X509Certificate> proxyChain = this.trustedProxies.trustedProxyChain(request);
		if (proxyChain != null) {
			return forwarded(request).withConsumedHeaders(consumed).fromTrustedProxy(proxyChain);
		}
		if (!consumed.isEmpty() && this.untrustedHeaderPolicy == UntrustedHeaderPolicy.REJECT) {
			return ClientCertificate.refused(MtlsReason.UNTRUSTED_HEADER).withConsumedHeaders(consumed);
		}
		ClientCertificate direct = this.forwardedOnly ? ClientCertificate.absent() : this.direct.resolve(request);
		return direct.withConsumedHeaders(consumed).fromUntrustedPeer();
	}

	private boolean carriesHeaders(HttpServletRequest request) {
		return request.getHeader(this.header) != null
				|| (this.chainHeader != null && request.getHeader(this.chainHeader) != null);
	}

	private ClientCertificate forwarded(HttpServletRequest request) {
		Header value = single(request, this.header);
		Header chainValue = (this.chainHeader != null) ? single(request, this.chainHeader) : Header.NONE;
		MtlsReason refusal = (value.refusal() != null) ? value.refusal() : chainValue.refusal();
		if (refusal != null) {
			return ClientCertificate.refused(refusal);
		}
		if (value.value() == null) {
			// Intermediates without a client certificate: the proxy is misconfigured.
			return (chainValue.value() != null) ? ClientCertificate.refused(MtlsReason.MALFORMED_HEADER)
					: ClientCertificate.absent();
		}
		DecodedHeader decoded = this.decoder.decode(value.value());
		if (decoded.refusal() != null) {
			return ClientCertificate.refused(decoded.refusal());
		}
		List<X509Certificate> chain = decoded.certificates();
		if (chain.size() > 1 && decoded.format() == HeaderFormat.RFC9440) {
			// RFC 9440: Client-Cert is one Byte Sequence; intermediates go in
			// Client-Cert-Chain.
			return ClientCertificate.refused(MtlsReason.MALFORMED_HEADER);
		}
		if (chainValue.value() == null || chain.isEmpty()) {
			return ClientCertificate.forwarded(chain, this.hiddenHeaders);
		}
		DecodedHeader decodedChain = this.decoder.decode(chainValue.value());
		if (decodedChain.refusal() != null) {
			return ClientCertificate.refused(decodedChain.refusal());
		}
		if (chain.size() + decodedChain.certificates().size() > DecodedHeader.MAX_CERTIFICATES) {
			// The bound holds for the chain, not for each header on its own.
			return ClientCertificate.refused(MtlsReason.MALFORMED_HEADER);
		}
		List<X509Certificate> full = new ArrayList<>(chain);
		full.addAll(decodedChain.certificates());
		return ClientCertificate.forwarded(full, this.hiddenHeaders);
	}

	/**
	 * Return the one value of a header ({@code null} when it is absent or blank), or why
	 * it cannot be used.
	 * @param request the request carrying the header
	 * @param name the header's name
	 * @return the header's one value, none, or why it cannot be used
	 */
	private Header single(HttpServletRequest request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		if (values == null || !values.hasMoreElements()) {
			return Header.NONE;
		}
		String value = values.nextElement();
		if (values.hasMoreElements()) {
			return new Header(null, MtlsReason.DUPLICATE_HEADER);
		}
		// Tomcat decodes header bytes as ISO-8859-1: one char per byte.
		if (value.length() > this.maxHeaderBytes) {
			return new Header(null, MtlsReason.OVERSIZED_HEADER);
		}
		return value.isBlank() ? Header.NONE : new Header(value, null);
	}

	/**
	 * One header's value or refusal.
	 */
	private record Header(@Nullable String value, @Nullable MtlsReason refusal) {

		static final Header NONE = new Header(null, null);

	}

}
