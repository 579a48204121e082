package io.github.mtls.spring.mydata;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * The authenticated MyData operator: who the client certificate belongs to, as the
 * registry knows it. Available as {@code @AuthenticationPrincipal MyDataOperator}.
 * <p>
 * When one serial number is registered under several org codes (one per industry), the
 * operator carries every active entry's org code and the union of their scopes.
 *
 * @param orgCodes the org codes of the matched active entries, first the primary one
 * @param businessNumber the business registration number of the first entry
 * @param serialNumber the SERIALNUMBER of the certificate, normalised; empty when the
 * operator was matched by a pinned fingerprint alone
 * @param name the display name of the first entry
 * @param status the status (always {@link OperatorStatus#ACTIVE} once authenticated)
 * @param scopes the granted scopes
 * @param certificateFingerprint the SHA-256 fingerprint of the client certificate
 * @param subject the certificate's subject, RFC 2253
 * @param issuer the certificate's issuer, RFC 2253
 * @param notAfter when the certificate expires
 * @param industries the industries of the matched active entries that name one
 * @param orgTypes the org types of the matched active entries that name one
 * @author mtls-spring-boot
 */
public record MyDataOperator(List<String> orgCodes, String businessNumber, String serialNumber, String name,
		OperatorStatus status, Set<String> scopes, String certificateFingerprint, String subject, String issuer,
		Instant notAfter, Set<String> industries, Set<String> orgTypes) implements Principal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an operator whose industries and org types are unknown.
	 * @param orgCodes the org codes, first the primary one
	 * @param businessNumber the business registration number
	 * @param serialNumber the normalised SERIALNUMBER
	 * @param name the display name
	 * @param status the status
	 * @param scopes the granted scopes
	 * @param certificateFingerprint the certificate's SHA-256 fingerprint
	 * @param subject the certificate's subject
	 * @param issuer the certificate's issuer
	 * @param notAfter when the certificate expires
	 */
	public MyDataOperator(List<String> orgCodes, String businessNumber, String serialNumber, String name,
			OperatorStatus status, Set<String> scopes, String certificateFingerprint, String subject, String issuer,
			Instant notAfter) {
		this(orgCodes, businessNumber, serialNumber, name, status, scopes, certificateFingerprint, subject, issuer,
				notAfter, Set.of(), Set.of());
	}

	public MyDataOperator {
		Assert.notEmpty(orgCodes, "orgCodes cannot be empty");
		orgCodes = List.copyOf(orgCodes);
		scopes = Set.copyOf(scopes);
		industries = Set.copyOf(industries);
		orgTypes = Set.copyOf(orgTypes);
	}

	/**
	 * Return the primary org code.
	 * @return the first org code
	 */
	public String orgCode() {
		return this.orgCodes.get(0);
	}

	/**
	 * Whether the operator was granted a scope.
	 * @param scope the scope, such as {@code bank.list}
	 * @return {@code true} if granted
	 */
	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * Return the primary org code, the name Spring Security and the servlet API show.
	 * @return the primary org code
	 */
	@Override
	public String getName() {
		return orgCode();
	}

}
