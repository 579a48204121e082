package io.github.mtls.spring.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;

/**
 * A failed client certificate authentication, carrying the {@link MtlsReason} and what
 * the audit line may name: the certificate's fingerprint and the operators it was matched
 * to. The message names the failed check, never a certificate value.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthenticationException extends AuthenticationException {

	private final MtlsReason reason;

	private final @Nullable String fingerprint;

	private final List<String> orgCodes;

	/**
	 * Create an exception.
	 * @param reason the reason
	 * @param fingerprint the SHA-256 fingerprint of the client certificate, if known
	 * @param orgCodes the org codes of matched operators, if any
	 */
	public MtlsAuthenticationException(MtlsReason reason, @Nullable String fingerprint, List<String> orgCodes) {
		super(reason.rspMessage());
		this.reason = reason;
		this.fingerprint = fingerprint;
		this.orgCodes = List.copyOf(orgCodes);
	}

	/**
	 * Create an exception that names no certificate.
	 * @param reason the reason
	 */
	public MtlsAuthenticationException(MtlsReason reason) {
		this(reason, null, List.of());
	}

	public MtlsReason getReason() {
		return this.reason;
	}

	public @Nullable String getFingerprint() {
		return this.fingerprint;
	}

	public List<String> getOrgCodes() {
		return this.orgCodes;
	}

}
