package io.github.mtls.spring.validation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.error.MtlsReason;

/**
 * The outcome of validating a chain: valid (until when), or the reason it is not.
 *
 * @param failure the reason the chain was refused, or {@code null} when it is valid
 * @param validUntil for a valid chain, the instant after which the verdict must be
 * computed anew: the earliest not-after of the chain and the revocation status's next
 * update; {@code null} when nothing bounds it
 * @author mtls-spring-boot
 */
public record ValidationResult(@Nullable MtlsReason failure, @Nullable Instant validUntil) {

	private static final ValidationResult VALID = new ValidationResult(null, null);

	/**
	 * Return the valid outcome, unbounded in time.
	 * @return the outcome
	 */
	public static ValidationResult valid() {
		return VALID;
	}

	/**
	 * Return a valid outcome that holds until the given instant.
	 * @param validUntil when the verdict must be computed anew
	 * @return the outcome
	 */
	public static ValidationResult validUntil(Instant validUntil) {
		return new ValidationResult(null, validUntil);
	}

	/**
	 * Return a failed outcome.
	 * @param reason why the chain was refused
	 * @return the outcome
	 */
	public static ValidationResult failed(MtlsReason reason) {
		return new ValidationResult(reason, null);
	}

	/**
	 * Whether the chain is valid.
	 * @return {@code true} if valid
	 */
	public boolean isValid() {
		return this.failure == null;
	}

}
