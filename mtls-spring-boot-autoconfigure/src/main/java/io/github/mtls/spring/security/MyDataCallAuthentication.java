package io.github.mtls.spring.security;

import java.io.Serial;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * A MyData API call authenticated by both of its credentials: the operator's client
 * certificate and an access token the provider issued to that operator. The
 * {@link MyDataOperator} stays the principal ({@code @AuthenticationPrincipal
 * MyDataOperator} works as without a token); the token's authentication, claims and
 * scopes are reachable from here.
 * <p>
 * Grants stay apart: the operator's scopes (the registry's coarse gate) are
 * {@code SCOPE_<scope>} authorities, the token's scopes (the customer's consent)
 * {@code TOKEN_SCOPE_<scope>}, so that a token can never stand in for a scope the
 * operator was not registered for. Both factor authorities (X.509 and bearer) are kept.
 *
 * @author mtls-spring-boot
 */
public final class MyDataCallAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * The prefix of token scope authorities.
	 */
	public static final String TOKEN_SCOPE_PREFIX = "TOKEN_SCOPE_";

	private final MtlsAuthenticationToken certificate;

	private final transient Authentication accessToken;

	private final transient Map<String, Object> tokenAttributes;

	private final Set<String> tokenScopes;

	/**
	 * Create an authenticated call.
	 * @param certificate the operator's authenticated certificate
	 * @param accessToken the access token's authentication, as the resource server made
	 * it
	 * @param tokenAttributes the token's claims or introspection attributes
	 * @param tokenScopes the token's scopes
	 * @param authorities the operator's and the token's authorities, kept apart
	 */
	MyDataCallAuthentication(MtlsAuthenticationToken certificate, Authentication accessToken,
			Map<String, Object> tokenAttributes, Set<String> tokenScopes,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		Assert.isTrue(certificate.isAuthenticated(), "certificate must be authenticated");
		this.certificate = certificate;
		this.accessToken = accessToken;
		this.tokenAttributes = Map.copyOf(tokenAttributes);
		this.tokenScopes = Set.copyOf(tokenScopes);
		setDetails(certificate.getDetails());
		super.setAuthenticated(true);
	}

	/**
	 * Return the operator.
	 * @return the principal
	 */
	@Override
	public MyDataOperator getPrincipal() {
		return (MyDataOperator) this.certificate.getPrincipal();
	}

	/**
	 * Return the operator's leaf certificate.
	 * @return the client certificate
	 */
	@Override
	public X509Certificate getCredentials() {
		return this.certificate.getCredentials();
	}

	@Override
	public String getName() {
		return this.certificate.getName();
	}

	/**
	 * Return the certificate authentication, as the starter made it.
	 * @return the certificate authentication
	 */
	public MtlsAuthenticationToken getCertificate() {
		return this.certificate;
	}

	/**
	 * Return the access token's authentication, as the resource server made it (for
	 * example a {@code JwtAuthenticationToken} or a {@code BearerTokenAuthentication}).
	 * @return the token authentication
	 */
	public Authentication getAccessToken() {
		return this.accessToken;
	}

	/**
	 * Return the token's claims (JWT) or attributes (introspection).
	 * @return the attributes
	 */
	public Map<String, Object> getTokenAttributes() {
		return this.tokenAttributes;
	}

	/**
	 * Return the token's scopes, from its {@code scope} or {@code scp} claim.
	 * @return the scopes
	 */
	public Set<String> getTokenScopes() {
		return this.tokenScopes;
	}

	@Override
	public void setAuthenticated(boolean authenticated) {
		if (authenticated) {
			throw new IllegalArgumentException("A MyDataCallAuthentication is created authenticated");
		}
		super.setAuthenticated(false);
	}

}
