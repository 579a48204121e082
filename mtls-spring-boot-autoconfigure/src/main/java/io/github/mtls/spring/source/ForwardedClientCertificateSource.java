package io.github.mtls.spring.source;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import io.github.mtls.spring.error.MtlsAuthenticationException;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.header.AutoDetectingHeaderDecoder;
import io.github.mtls.spring.header.CertificateHeaderDecoder;
import io.github.mtls.spring.header.HeaderFormat;
import io.github.mtls.spring.validation.CertificateOrigin;

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
 * any value the decoder cannot read entirely, fails the request. A chain taken from a
 * header is marked {@link CertificateOrigin#FORWARDED} in the {@link #ORIGIN_ATTRIBUTE}
 * request attribute, and the headers to hide from the application are named in
 * {@link #HIDDEN_HEADERS_ATTRIBUTE}.
 *
 * @author mtls-spring-boot
 */
public final class ForwardedClientCertificateSource implements ClientCertificateSource {

	/**
	 * The request attribute holding the {@link CertificateOrigin} of the resolved chain.
	 */
	public static final String ORIGIN_ATTRIBUTE = ForwardedClientCertificateSource.class.getName() + ".origin";

	/**
	 * The request attribute holding the names of the consumed headers, a
	 * {@code Set<String>}, which the application downstream should not see.
	 */
	public static final String HIDDEN_HEADERS_ATTRIBUTE = ForwardedClientCertificateSource.class.getName()
			+ ".hiddenHeaders";

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
	public List<X509Certificate> resolve(HttpServletRequest request) {
		boolean carriesHeaders = carriesHeaders(request);
		if (carriesHeaders) {
			request.setAttribute(HIDDEN_HEADERS_ATTRIBUTE, this.hiddenHeaders);
		}
		if (this.trustedProxies.isTrusted(request)) {
			List<X509Certificate> chain = forwardedChain(request);
			if (!chain.isEmpty()) {
				request.setAttribute(ORIGIN_ATTRIBUTE, CertificateOrigin.FORWARDED);
			}
			return chain;
		}
		if (carriesHeaders && this.untrustedHeaderPolicy == UntrustedHeaderPolicy.REJECT) {
			throw new MtlsAuthenticationException(MtlsReason.UNTRUSTED_HEADER);
		}
		return this.forwardedOnly ? List.of() : this.direct.resolve(request);
	}

	private boolean carriesHeaders(HttpServletRequest request) {
		return request.getHeader(this.header) != null
				|| (this.chainHeader != null && request.getHeader(this.chainHeader) != null);
	}

	private List<X509Certificate> forwardedChain(HttpServletRequest request) {
		String value = single(request, this.header);
		String chainValue = (this.chainHeader != null) ? single(request, this.chainHeader) : null;
		if (value == null) {
			if (chainValue != null) {
				// Intermediates without a client certificate: the proxy is misconfigured.
				throw new MtlsAuthenticationException(MtlsReason.MALFORMED_HEADER);
			}
			return List.of();
		}
		List<X509Certificate> chain = this.decoder.decode(value);
		if (chain.size() > 1 && AutoDetectingHeaderDecoder.detect(value) == HeaderFormat.RFC9440) {
			// RFC 9440: Client-Cert is one Byte Sequence; intermediates go in
			// Client-Cert-Chain.
			throw new MtlsAuthenticationException(MtlsReason.MALFORMED_HEADER);
		}
		if (chainValue == null || chain.isEmpty()) {
			return chain;
		}
		List<X509Certificate> full = new ArrayList<>(chain);
		full.addAll(this.decoder.decode(chainValue));
		return full;
	}

	/**
	 * Return the one value of a header, or {@code null} when it is absent or blank.
	 */
	private @Nullable String single(HttpServletRequest request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String value = values.nextElement();
		if (values.hasMoreElements()) {
			throw new MtlsAuthenticationException(MtlsReason.DUPLICATE_HEADER);
		}
		// Tomcat decodes header bytes as ISO-8859-1: one char per byte.
		if (value.length() > this.maxHeaderBytes) {
			throw new MtlsAuthenticationException(MtlsReason.OVERSIZED_HEADER);
		}
		return value.isBlank() ? null : value;
	}

	/**
	 * Return the origin the source recorded for the request's chain.
	 * @param request the request
	 * @return {@link CertificateOrigin#FORWARDED} for a chain from a header, else
	 * {@link CertificateOrigin#DIRECT}
	 */
	public static CertificateOrigin originOf(HttpServletRequest request) {
		return (request.getAttribute(ORIGIN_ATTRIBUTE) == CertificateOrigin.FORWARDED) ? CertificateOrigin.FORWARDED
				: CertificateOrigin.DIRECT;
	}

	/**
	 * Return the names of the headers the source consumed, to hide downstream.
	 * @param request the request
	 * @return the header names, empty when none
	 */
	@SuppressWarnings("unchecked")
	public static Set<String> hiddenHeadersOf(HttpServletRequest request) {
		Object names = request.getAttribute(HIDDEN_HEADERS_ATTRIBUTE);
		return (names instanceof Set<?>) ? (Set<String>) names : Collections.emptySet();
	}

}
