package io.github.mtls.sample.devpki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Development access tokens for the {@code mydata-call} profile: RS256 JWTs signed with
 * the development PKI's token key, as an information provider's authorization server
 * would issue them to an operator for one customer. For development only: anyone with the
 * development PKI folder can mint them.
 *
 * @author mtls-spring-boot
 */
public final class DevTokens {

	/**
	 * How long a token is valid.
	 */
	public static final Duration LIFETIME = Duration.ofDays(1);

	/**
	 * The subject of every token: the customer who consented.
	 */
	public static final String SUBJECT = "dev-customer-1";

	private final JwtEncoder encoder;

	private final Clock clock;

	/**
	 * Create the tokens of a development PKI.
	 * @param pki the PKI, its token key pair minted
	 * @param clock the clock that dates the tokens
	 */
	public DevTokens(DevPki pki, Clock clock) {
		this.encoder = NimbusJwtEncoder.withKeyPair(pki.tokenPublicKey(), pki.tokenSigningKey()).build();
		this.clock = clock;
	}

	/**
	 * Return a token issued to a client, valid with any of its certificates.
	 * @param clientId the {@code client_id} claim, such as an org code
	 * @param scopes the scopes the customer consented to
	 * @return the signed token
	 */
	public String unbound(String clientId, Collection<String> scopes) {
		return encode(claims(clientId, scopes).build());
	}

	/**
	 * Return a token issued to a client and bound to one certificate by an RFC 8705
	 * {@code cnf.x5t#S256} claim.
	 * @param clientId the {@code client_id} claim, such as an org code
	 * @param scopes the scopes the customer consented to
	 * @param certificate the certificate the token is bound to
	 * @return the signed token
	 */
	public String bound(String clientId, Collection<String> scopes, X509Certificate certificate) {
		return encode(claims(clientId, scopes).claim("cnf", Map.of("x5t#S256", thumbprint(certificate))).build());
	}

	private JwtClaimsSet.Builder claims(String clientId, Collection<String> scopes) {
		Instant now = this.clock.instant();
		return JwtClaimsSet.builder()
			.subject(SUBJECT)
			.claim("scope", String.join(" ", scopes))
			.claim("client_id", clientId)
			.issuedAt(now)
			.expiresAt(now.plus(LIFETIME));
	}

	private String encode(JwtClaimsSet claims) {
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * Return a certificate's RFC 8705 thumbprint: the base64url SHA-256 of its DER.
	 * @param certificate the certificate
	 * @return the thumbprint, unpadded
	 */
	public static String thumbprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | CertificateEncodingException ex) {
			throw new IllegalStateException("Certificate thumbprint could not be computed", ex);
		}
	}

}
