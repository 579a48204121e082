package io.github.mtls.spring.security;

import java.io.Serial;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.validation.CertificateOrigin;

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

	private final @Nullable MyDataOperator operator;

	private MtlsAuthenticationToken(List<X509Certificate> chain, CertificateOrigin origin,
			@Nullable MyDataOperator operator, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.chain = List.copyOf(chain);
		this.origin = origin;
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
		return new MtlsAuthenticationToken(chain, origin, null, List.of());
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
		return new MtlsAuthenticationToken(chain, origin, operator, authorities);
	}

	/**
	 * Return where the chain came from.
	 * @return the origin
	 */
	public CertificateOrigin getOrigin() {
		return this.origin;
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
