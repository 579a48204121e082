package io.github.mtls.spring.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * Which operator an access token was issued to: the token's binding claim (such as
 * {@code client_id}, {@code aud} or {@code azp}) must name one of the operator's org
 * codes or one of the client ids registered for them. A token issued to one operator and
 * presented with another's certificate is refused with
 * {@link io.github.mtls.spring.error.MtlsReason#TOKEN_NOT_BOUND}.
 * <p>
 * A token that names a certificate ({@code cnf.x5t#S256}, RFC 8705) is bound to that
 * certificate as well, whether or not a binding claim is set: checked here on the token's
 * verified attributes, so that it holds for introspected tokens and for JWT decoders
 * whose validators leave out Spring Security's thumbprint validator.
 *
 * @author mtls-spring-boot
 */
public final class AccessTokenBinding {

	private static final String CONFIRMATION_CLAIM = "cnf";

	private static final String THUMBPRINT_MEMBER = "x5t#S256";

	private final @Nullable String claim;

	private final Map<String, Set<String>> clientIds;

	/**
	 * Create a binding.
	 * @param claim the binding claim, or {@code null} to check none
	 * @param clientIds client ids by org code
	 */
	public AccessTokenBinding(@Nullable String claim, Map<String, Set<String>> clientIds) {
		Assert.notNull(clientIds, "clientIds cannot be null");
		this.claim = (claim != null && !claim.isBlank()) ? claim.trim() : null;
		this.clientIds = Map.copyOf(clientIds);
	}

	/**
	 * Return a binding that checks nothing.
	 * @return the binding
	 */
	public static AccessTokenBinding none() {
		return new AccessTokenBinding(null, Map.of());
	}

	/**
	 * Whether a claim is checked at all.
	 * @return {@code true} if a binding claim is set
	 */
	public boolean isEnabled() {
		return this.claim != null;
	}

	/**
	 * Whether a token with the given attributes was issued to the operator. A token
	 * without the claim is not bound to anyone.
	 * @param attributes the token's claims or introspection attributes
	 * @param operator the operator presenting it
	 * @return {@code true} if bound, or if no claim is checked
	 */
	public boolean binds(Map<String, Object> attributes, MyDataOperator operator) {
		if (this.claim == null) {
			return true;
		}
		for (String value : values(attributes.get(this.claim))) {
			for (String orgCode : operator.orgCodes()) {
				if (orgCode.equals(value) || this.clientIds.getOrDefault(orgCode, Set.of()).contains(value)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether a token that names a certificate ({@code cnf.x5t#S256}) names the one
	 * presented. A token naming none is not bound to a certificate; a confirmation that
	 * is not a JSON object, or a thumbprint that is not a string, names no certificate
	 * that could match.
	 * @param attributes the token's claims or introspection attributes
	 * @param certificate the client certificate presented with it
	 * @return {@code true} if the token names no certificate or names this one
	 */
	public static boolean confirms(Map<String, Object> attributes, X509Certificate certificate) {
		Object confirmation = attributes.get(CONFIRMATION_CLAIM);
		if (confirmation == null) {
			return true;
		}
		if (!(confirmation instanceof Map<?, ?> members)) {
			return false;
		}
		if (!members.containsKey(THUMBPRINT_MEMBER)) {
			// Another confirmation method, such as DPoP's jkt: not the certificate's.
			return true;
		}
		return members.get(THUMBPRINT_MEMBER) instanceof String thumbprint
				&& MessageDigest.isEqual(thumbprint.getBytes(StandardCharsets.US_ASCII),
						thumbprint(certificate).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Whether a token names a certificate it is bound to ({@code cnf.x5t#S256}, or a
	 * confirmation that is not a JSON object and so cannot be told apart from one).
	 * @param attributes the token's claims or introspection attributes
	 * @return {@code true} if the token needs a certificate to be presented with it
	 */
	public static boolean namesCertificate(Map<String, Object> attributes) {
		Object confirmation = attributes.get(CONFIRMATION_CLAIM);
		return confirmation != null
				&& (!(confirmation instanceof Map<?, ?> members) || members.containsKey(THUMBPRINT_MEMBER));
	}

	private static String thumbprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (CertificateEncodingException ex) {
			// An authenticated certificate was parsed from DER: it has an encoding.
			throw new IllegalStateException("Certificate has no DER encoding", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	private static List<String> values(@Nullable Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (value != null) ? List.of(String.valueOf(value)) : List.of();
	}

}
