package io.github.mtls.spring.mydata;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;

/**
 * The outcome of resolving a certificate's operator: the {@link MyDataOperator}, or the
 * reason none matched together with what an audit line may name (the certificate's
 * fingerprint and the org codes of the entries it was matched to before being set aside).
 * <p>
 * A result rather than an exception: an unregistered, unpinned or suspended certificate
 * is expected input, under attack as in normal operation; a result costs no stack trace
 * and cannot be forgotten by a caller. Only the Spring Security seam
 * ({@code MtlsAuthenticationProvider}) turns a refusal into the
 * {@code AuthenticationException} its contract demands.
 *
 * @param operator the operator, or {@code null} when refused
 * @param refusal why no operator matched, or {@code null} when resolved
 * @param fingerprint the certificate's SHA-256 fingerprint, for the audit line
 * @param orgCodes the org codes of the entries set aside, for the audit line
 * @author mtls-spring-boot
 */
public record OperatorResolution(@Nullable MyDataOperator operator, @Nullable MtlsReason refusal, String fingerprint,
		List<String> orgCodes) {

	public OperatorResolution {
		Assert.isTrue((operator == null) != (refusal == null), "exactly one of operator and refusal must be set");
		Assert.notNull(fingerprint, "fingerprint cannot be null");
		orgCodes = List.copyOf(orgCodes);
	}

	/**
	 * Return the outcome of a resolved operator.
	 * @param operator the operator
	 * @return the outcome
	 */
	public static OperatorResolution resolved(MyDataOperator operator) {
		return new OperatorResolution(operator, null, operator.certificateFingerprint(), operator.orgCodes());
	}

	/**
	 * Return the outcome of a certificate no active operator matches.
	 * @param reason why
	 * @param fingerprint the certificate's fingerprint
	 * @param orgCodes the org codes of the entries set aside
	 * @return the outcome
	 */
	public static OperatorResolution refused(MtlsReason reason, String fingerprint, List<String> orgCodes) {
		Assert.notNull(reason, "reason cannot be null");
		return new OperatorResolution(null, reason, fingerprint, orgCodes);
	}

	/**
	 * Whether an operator was resolved.
	 * @return {@code true} when {@link #operator()} is set
	 */
	public boolean isResolved() {
		return this.operator != null;
	}

}
