package io.github.mtls.spring.security;

import org.springframework.security.authorization.AuthorizationDecision;

import io.github.mtls.spring.error.MtlsReason;

/**
 * An authorization decision that tells why access was denied.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuthorizationDecision extends AuthorizationDecision {

	private final MtlsReason reason;

	/**
	 * Create a denial.
	 * @param reason why access was denied
	 */
	public MtlsAuthorizationDecision(MtlsReason reason) {
		super(false);
		this.reason = reason;
	}

	public MtlsReason getReason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " [granted=false, reason=" + this.reason + "]";
	}

}
