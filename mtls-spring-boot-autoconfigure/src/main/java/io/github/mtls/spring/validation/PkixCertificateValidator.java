package io.github.mtls.spring.validation;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException.Reason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Validates chains with the JDK's PKIX {@link CertPathValidator} against
 * {@link TrustAnchors}, then checks the leaf's key usage and extended key usage.
 * <p>
 * Validity is checked at one instant: now, moved into the chain's validity window when
 * the window is missed by no more than the clock skew. Revocation is not the JDK's
 * business here ({@code setRevocationEnabled(false)}): enabled, it fails every chain
 * without CRLs, and its own fetching is synchronous and JVM-wide.
 *
 * @author mtls-spring-boot
 */
public final class PkixCertificateValidator implements CertificateValidator {

	private static final int DIGITAL_SIGNATURE = 0;

	private final TrustAnchors trustAnchors;

	private final List<String> requiredExtendedKeyUsages;

	private final Duration clockSkew;

	private Clock clock = Clock.systemUTC();

	private int maxPathLength = 5;

	/**
	 * Create a validator.
	 * @param trustAnchors the anchors chains must lead to
	 * @param requiredExtendedKeyUsages OIDs the leaf must all carry; empty admits a leaf
	 * without the extension
	 * @param clockSkew how far a validity bound may be missed
	 */
	public PkixCertificateValidator(TrustAnchors trustAnchors, List<String> requiredExtendedKeyUsages,
			Duration clockSkew) {
		Assert.notNull(trustAnchors, "trustAnchors cannot be null");
		Assert.notNull(requiredExtendedKeyUsages, "requiredExtendedKeyUsages cannot be null");
		Assert.isTrue(!clockSkew.isNegative(), "clockSkew cannot be negative");
		this.trustAnchors = trustAnchors;
		this.requiredExtendedKeyUsages = List.copyOf(requiredExtendedKeyUsages);
		this.clockSkew = clockSkew;
	}

	/**
	 * Set the clock that tells the validation time.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	/**
	 * Set the largest number of intermediate CA certificates a chain may hold.
	 * @param maxPathLength the limit; defaults to 5
	 */
	public void setMaxPathLength(int maxPathLength) {
		Assert.isTrue(maxPathLength >= 0, "maxPathLength cannot be negative");
		this.maxPathLength = maxPathLength;
	}

	@Override
	public ValidationResult validate(List<X509Certificate> chain) {
		if (chain.isEmpty()) {
			return ValidationResult.failed(MtlsReason.NO_CERTIFICATE);
		}
		List<X509Certificate> path = pathWithoutAnchors(chain);
		if (path.isEmpty()) {
			// A trust anchor presented as a client certificate authenticates nobody.
			return ValidationResult.failed(MtlsReason.CERTIFICATE_UNTRUSTED);
		}
		if (path.size() - 1 > this.maxPathLength) {
			return ValidationResult.failed(MtlsReason.CERTIFICATE_UNTRUSTED);
		}
		ValidationResult pkix = validatePath(path);
		if (!pkix.isValid()) {
			return pkix;
		}
		return checkUsage(path.get(0));
	}

	private List<X509Certificate> pathWithoutAnchors(List<X509Certificate> chain) {
		List<X509Certificate> path = new ArrayList<>(chain.size());
		for (X509Certificate certificate : chain) {
			if (this.trustAnchors.isAnchor(certificate)) {
				break;
			}
			path.add(certificate);
		}
		return path;
	}

	private ValidationResult validatePath(List<X509Certificate> path) {
		try {
			CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
			PKIXParameters parameters = new PKIXParameters(this.trustAnchors.anchors());
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(validationTime(path)));
			CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
			return ValidationResult.valid();
		}
		catch (CertPathValidatorException ex) {
			return ValidationResult.failed(reasonFor(ex.getReason()));
		}
		catch (CertificateException | InvalidAlgorithmParameterException ex) {
			return ValidationResult.failed(MtlsReason.CERTIFICATE_UNREADABLE);
		}
		catch (GeneralSecurityException ex) {
			return ValidationResult.failed(MtlsReason.CERTIFICATE_UNTRUSTED);
		}
	}

	private Instant validationTime(List<X509Certificate> path) {
		Instant now = this.clock.instant();
		Instant latestStart = Instant.MIN;
		Instant earliestEnd = Instant.MAX;
		for (X509Certificate certificate : path) {
			Instant start = certificate.getNotBefore().toInstant();
			Instant end = certificate.getNotAfter().toInstant();
			latestStart = start.isAfter(latestStart) ? start : latestStart;
			earliestEnd = end.isBefore(earliestEnd) ? end : earliestEnd;
		}
		if (now.isBefore(latestStart) && !now.plus(this.clockSkew).isBefore(latestStart)) {
			return latestStart;
		}
		if (now.isAfter(earliestEnd) && !now.minus(this.clockSkew).isAfter(earliestEnd)) {
			return earliestEnd;
		}
		return now;
	}

	private static MtlsReason reasonFor(Reason reason) {
		if (reason == BasicReason.EXPIRED) {
			return MtlsReason.CERTIFICATE_EXPIRED;
		}
		if (reason == BasicReason.NOT_YET_VALID) {
			return MtlsReason.CERTIFICATE_NOT_YET_VALID;
		}
		if (reason == PKIXReason.INVALID_KEY_USAGE) {
			return MtlsReason.KEY_USAGE_NOT_PERMITTED;
		}
		return MtlsReason.CERTIFICATE_UNTRUSTED;
	}

	private ValidationResult checkUsage(X509Certificate leaf) {
		boolean[] keyUsage = leaf.getKeyUsage();
		if (keyUsage != null && (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE])) {
			return ValidationResult.failed(MtlsReason.KEY_USAGE_NOT_PERMITTED);
		}
		if (this.requiredExtendedKeyUsages.isEmpty()) {
			return ValidationResult.valid();
		}
		try {
			List<String> extendedKeyUsage = leaf.getExtendedKeyUsage();
			// anyExtendedKeyUsage does not stand in for a required purpose.
			if (extendedKeyUsage == null || !extendedKeyUsage.containsAll(this.requiredExtendedKeyUsages)) {
				return ValidationResult.failed(MtlsReason.EXTENDED_KEY_USAGE_MISSING);
			}
			return ValidationResult.valid();
		}
		catch (CertificateParsingException ex) {
			return ValidationResult.failed(MtlsReason.CERTIFICATE_UNREADABLE);
		}
	}

}
