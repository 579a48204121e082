package io.github.mtls.spring.validation.revocation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The revocation status of a certificate.
 *
 * @param state good, revoked or unknown
 * @param reason for a revoked certificate the CRL/OCSP reason name (such as
 * {@code keyCompromise}); for an unknown status a short cause; never certificate text
 * @param nextUpdate until when a good status may be trusted, if the source said
 * @author mtls-spring-boot
 */
public record RevocationStatus(State state, @Nullable String reason, @Nullable Instant nextUpdate) {

	/**
	 * Return a good status.
	 * @param nextUpdate until when it may be trusted, if known
	 * @return the status
	 */
	public static RevocationStatus good(@Nullable Instant nextUpdate) {
		return new RevocationStatus(State.GOOD, null, nextUpdate);
	}

	/**
	 * Return a revoked status.
	 * @param reason the revocation reason name
	 * @return the status
	 */
	public static RevocationStatus revoked(String reason) {
		return new RevocationStatus(State.REVOKED, reason, null);
	}

	/**
	 * Return an unknown status.
	 * @param cause why the status could not be learned
	 * @return the status
	 */
	public static RevocationStatus unknown(String cause) {
		return new RevocationStatus(State.UNKNOWN, cause, null);
	}

	/**
	 * The states of a certificate.
	 */
	public enum State {

		/** Not revoked. */
		GOOD,

		/** Revoked. */
		REVOKED,

		/** The status could not be learned. */
		UNKNOWN

	}

}
