package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.validation.revocation.RevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationStatus;

/**
 * The revocation step of validation: revoked is always refused; a status that cannot be
 * learned is refused, or under fail-open accepted, logged and counted, and then trusted
 * for a short time only.
 *
 * @author mtls-spring-boot
 */
final class RevocationStep {

	/**
	 * How long a verdict accepted with an unknown revocation status may be reused.
	 */
	static final Duration UNKNOWN_ACCEPTED_FOR = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(PkixCertificateValidator.class);

	private final RevocationChecker checker;

	private final boolean failOpen;

	private final AtomicLong unknownAccepted = new AtomicLong();

	private Clock clock;

	RevocationStep(RevocationChecker checker, boolean failOpen, Clock clock) {
		this.checker = checker;
		this.failOpen = failOpen;
		this.clock = clock;
	}

	void setClock(Clock clock) {
		this.clock = clock;
	}

	ValidationResult check(X509Certificate leaf, @Nullable X509Certificate issuer, Instant validUntil) {
		RevocationStatus status = (issuer != null) ? this.checker.check(leaf, issuer)
				: RevocationStatus.unknown("issuer certificate not available");
		if (status.state() == RevocationStatus.State.REVOKED) {
			if (logger.isInfoEnabled()) {
				logger.info("Client certificate revoked (" + status.reason() + "): fingerprint="
						+ Sha256Fingerprint.of(leaf));
			}
			return ValidationResult.failed(MtlsReason.CERTIFICATE_REVOKED);
		}
		if (status.state() == RevocationStatus.State.UNKNOWN) {
			if (!this.failOpen) {
				if (logger.isInfoEnabled()) {
					logger.info("Client certificate revocation status unknown (" + status.reason()
							+ "), refused under revocation-failure: closed: fingerprint=" + Sha256Fingerprint.of(leaf));
				}
				return ValidationResult.failed(MtlsReason.REVOCATION_UNKNOWN);
			}
			this.unknownAccepted.incrementAndGet();
			logger.warn("Client certificate revocation status unknown (" + status.reason()
					+ "), accepted under revocation-failure: open: fingerprint=" + Sha256Fingerprint.of(leaf));
			return ValidationResult.validUntil(earlier(validUntil, this.clock.instant().plus(UNKNOWN_ACCEPTED_FOR)));
		}
		Instant nextUpdate = status.nextUpdate();
		return ValidationResult.validUntil((nextUpdate != null) ? earlier(validUntil, nextUpdate) : validUntil);
	}

	long unknownAccepted() {
		return this.unknownAccepted.get();
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
