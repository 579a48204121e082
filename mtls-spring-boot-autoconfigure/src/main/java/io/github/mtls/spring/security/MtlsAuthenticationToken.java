package io.github.mtls.spring.security;

import java.io.Serial;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.source.ClientCertificate;

/**
 * A client certificate authentication: before authentication it holds the presented
 * chain, after it the {@link MyDataOperator} principal, the leaf certificate as
 * credentials, and the operator's {@code SCOPE_} authorities.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationToken extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient List<X509Certificate> chain;

	private final CertificateOrigin origin;

	private final Set<String> consumedHeaders;

	private final transient List<X509Certificate> proxyChain;

	private final @Nullable MyDataOperator operator;

	private MtlsAuthenticationToken(List<X509Certificate> chain, CertificateOrigin origin, Set<String> consumedHeaders,
			List<X509Certificate> proxyChain, @Nullable MyDataOperator operator,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.chain = List.copyOf(chain);
		this.origin = origin;
		this.consumedHeaders = Set.copyOf(consumedHeaders);
		this.proxyChain = List.copyOf(proxyChain);
		this.operator = operator;
		super.setAuthenticated(operator != null);
	}

	/**
	 * Create an unauthenticated token for a presented chain.
	 * @param chain the chain, leaf first
	 * @return the token
	 */
	public static MtlsAuthenticationToken unauthenticated(List<X509Certificate> chain) {
		return unauthenticated(chain, CertificateOrigin.DIRECT);
	}

	/**
	 * Create an unauthenticated token for a chain from the given origin.
	 * @param chain the chain, leaf first
	 * @param origin where the chain came from
	 * @return the token
	 */
	public static MtlsAuthenticationToken unauthenticated(List<X509Certificate> chain, CertificateOrigin origin) {
		return new MtlsAuthenticationToken(chain, origin, Set.of(), List.of(), null, List.of());
	}

	/**
	 * Create an unauthenticated token for what a
	 * {@link io.github.mtls.spring.source.ClientCertificateSource} resolved: its chain,
	 * origin, consumed headers and trusted proxy's chain travel with the token.
	 * @param certificate a present certificate
	 * @return the token
	 */
	public static MtlsAuthenticationToken unauthenticated(ClientCertificate certificate) {
		Assert.isTrue(certificate.isPresent(), "certificate must be present");
		return new MtlsAuthenticationToken(certificate.chain(), certificate.origin(), certificate.consumedHeaders(),
				certificate.proxyChain(), null, List.of());
	}

	/**
	 * Create an authenticated token.
	 * @param chain the validated chain, leaf first
	 * @param origin where the chain came from
	 * @param operator the operator
	 * @param authorities the granted authorities
	 * @return the token
	 */
	public static MtlsAuthenticationToken authenticated(List<X509Certificate> chain, CertificateOrigin origin,
			MyDataOperator operator, Collection<? extends GrantedAuthority> authorities) {
		return new MtlsAuthenticationToken(chain, origin, Set.of(), List.of(), operator, authorities);
	}

	/**
	 * Create the authenticated token of a presented one: its chain, origin, consumed
	 * headers, proxy chain and details carry over.
	 * @param presented the unauthenticated token
	 * @param operator the operator
	 * @param authorities the granted authorities
	 * @return the token
	 */
	public static MtlsAuthenticationToken authenticated(MtlsAuthenticationToken presented, MyDataOperator operator,
			Collection<? extends GrantedAuthority> authorities) {
		Assert.notNull(operator, "operator cannot be null");
		MtlsAuthenticationToken authenticated = new MtlsAuthenticationToken(presented.chain, presented.origin,
				presented.consumedHeaders, presented.proxyChain, operator, authorities);
		authenticated.setDetails(presented.getDetails());
		return authenticated;
	}

	/**
	 * Return where the chain came from.
	 * @return the origin
	 */
	public CertificateOrigin getOrigin() {
		return this.origin;
	}

	/**
	 * Return the names of the forwarded headers the source consumed, which the
	 * {@link MtlsAuthenticationFilter} hides from the application.
	 * @return the header names, empty when none
	 */
	public Set<String> getConsumedHeaders() {
		return this.consumedHeaders;
	}

	/**
	 * Return a trusted proxy's own TLS chain when it was read to check the proxy's
	 * fingerprint ({@code mtls.forwarded.trusted-proxy-certificates}): once a forwarded
	 * chain authenticates it replaces the proxy's in the servlet certificate attribute.
	 * @return the proxy's chain, leaf first; empty when it was not read
	 */
	public List<X509Certificate> getProxyChain() {
		return this.proxyChain;
	}

	/**
	 * Return the chain, leaf first.
	 * @return the chain
	 */
	public List<X509Certificate> getChain() {
		return this.chain;
	}

	/**
	 * Return the leaf certificate.
	 * @return the client certificate
	 */
	@Override
	public X509Certificate getCredentials() {
		return this.chain.get(0);
	}

	/**
	 * Return the operator once authenticated, else the leaf certificate.
	 * @return the principal
	 */
	@Override
	public Object getPrincipal() {
		return (this.operator != null) ? this.operator : getCredentials();
	}

	@Override
	public String getName() {
		return (this.operator != null) ? this.operator.getName() : "";
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("Use MtlsAuthenticationToken.authenticated(...) instead");
		}
		super.setAuthenticated(false);
	}

}
