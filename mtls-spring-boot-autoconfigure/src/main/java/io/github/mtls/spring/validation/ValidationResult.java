package io.github.mtls.spring.validation;

import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.error.MtlsReason;

/**
 * The outcome of validating a chain: valid, or the reason it is not.
 *
 * @param failure the reason the chain was refused, or {@code null} when it is valid
 * @author mtls-spring-boot
 */
public record ValidationResult(@Nullable MtlsReason failure) {

	private static final ValidationResult VALID = new ValidationResult(null);

	/**
	 * Return the valid outcome.
	 * @return the outcome
	 */
	public static ValidationResult valid() {
		return VALID;
	}

	/**
	 * Return a failed outcome.
	 * @param reason why the chain was refused
	 * @return the outcome
	 */
	public static ValidationResult failed(MtlsReason reason) {
		return new ValidationResult(reason);
	}

	/**
	 * Whether the chain is valid.
	 * @return {@code true} if valid
	 */
	public boolean isValid() {
		return this.failure == null;
	}

}
