package io.github.mtls.spring.validation;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException.Reason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.validation.revocation.RevocationChecker;

/**
 * Validates chains with the JDK's PKIX {@link CertPathValidator} against
 * {@link TrustAnchors}, then checks the leaf's key usage, extended key usage and required
 * policies, then its revocation status.
 * <p>
 * Validity is checked at one instant: now, moved into the chain's validity window when
 * the window is missed by no more than the clock skew. Revocation is not the JDK's
 * business here ({@code setRevocationEnabled(false)}): enabled, it fails every chain
 * without CRLs, and its own fetching is synchronous and JVM-wide; a
 * {@link RevocationChecker} does it instead.
 *
 * @author mtls-spring-boot
 */
public final class PkixCertificateValidator implements CertificateValidator {

	private volatile TrustAnchors trustAnchors;

	private final List<String> requiredExtendedKeyUsages;

	private final Duration clockSkew;

	private Clock clock = Clock.systemUTC();

	private int maxPathLength = 5;

	private Set<String> requiredPolicies = Set.of();

	private boolean revalidateForwarded = true;

	private List<X509Certificate> intermediates = List.of();

	private @Nullable RevocationStep revocation;

	/**
	 * Create a validator.
	 * @param trustAnchors the anchors chains must lead to
	 * @param requiredExtendedKeyUsages the OIDs the leaf must all carry; empty admits a
	 * leaf without the extension
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
	 * Replace the trust anchors, as when the SSL bundle holding them reloads.
	 * @param trustAnchors the new anchors
	 */
	public void setTrustAnchors(TrustAnchors trustAnchors) {
		Assert.notNull(trustAnchors, "trustAnchors cannot be null");
		this.trustAnchors = trustAnchors;
	}

	/**
	 * Return the trust anchors in force.
	 * @return the anchors
	 */
	public TrustAnchors getTrustAnchors() {
		return this.trustAnchors;
	}

	/**
	 * Return the intermediate CA certificates that complete chains.
	 * @return the certificates, empty when none are configured
	 */
	public List<X509Certificate> getIntermediates() {
		return this.intermediates;
	}

	/**
	 * Set the clock that tells the validation time.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
		if (this.revocation != null) {
			this.revocation.setClock(clock);
		}
	}

	/**
	 * Set the largest number of intermediate CA certificates a chain may hold.
	 * @param maxPathLength the limit; defaults to 5
	 */
	public void setMaxPathLength(int maxPathLength) {
		Assert.isTrue(maxPathLength >= 0, "maxPathLength cannot be negative");
		this.maxPathLength = maxPathLength;
	}

	/**
	 * Set certificate policy OIDs every chain must assert (explicit policy required).
	 * @param requiredPolicies dotted OIDs; empty checks no policy
	 */
	public void setRequiredPolicies(List<String> requiredPolicies) {
		Assert.notNull(requiredPolicies, "requiredPolicies cannot be null");
		this.requiredPolicies = Set.copyOf(requiredPolicies);
	}

	/**
	 * Set whether forwarded chains are checked against the trust anchors. When
	 * {@code false}, only that check is skipped for {@link CertificateOrigin#FORWARDED}
	 * chains: validity, key usages and revocation still apply.
	 * @param revalidateForwarded whether to run PKIX on forwarded chains; defaults to
	 * true
	 */
	public void setRevalidateForwarded(boolean revalidateForwarded) {
		this.revalidateForwarded = revalidateForwarded;
	}

	/**
	 * Set intermediate CA certificates that complete chains presented without them.
	 * @param intermediates the certificates
	 */
	public void setIntermediates(List<X509Certificate> intermediates) {
		Assert.notNull(intermediates, "intermediates cannot be null");
		this.intermediates = List.copyOf(intermediates);
	}

	/**
	 * Check the leaf's revocation status after the chain is validated.
	 * @param checker learns the status
	 * @param failOpen whether a status that cannot be learned is accepted (and logged)
	 * rather than refused
	 */
	public void setRevocationChecker(RevocationChecker checker, boolean failOpen) {
		Assert.notNull(checker, "checker cannot be null");
		this.revocation = new RevocationStep(checker, failOpen, this.clock);
	}

	/**
	 * Return how many certificates were accepted with an unknown revocation status under
	 * fail-open.
	 * @return the count since startup
	 */
	public long getUnknownRevocationAccepted() {
		return (this.revocation != null) ? this.revocation.unknownAccepted() : 0;
	}

	@Override
	public ValidationResult validate(List<X509Certificate> chain) {
		return validate(chain, CertificateOrigin.DIRECT);
	}

	@Override
	public ValidationResult validate(List<X509Certificate> chain, CertificateOrigin origin) {
		if (chain.isEmpty()) {
			return ValidationResult.failed(MtlsReason.NO_CERTIFICATE);
		}
		TrustAnchors anchors = this.trustAnchors;
		if (anchors.isAnchor(chain.get(0))) {
			// A trust anchor presented as a client certificate authenticates nobody.
			return ValidationResult.failed(MtlsReason.CERTIFICATE_UNTRUSTED);
		}
		List<X509Certificate> path = CertificatePathAssembler.assemble(chain, this.intermediates, anchors,
				this.maxPathLength + 2, this.clock.instant());
		if (path.size() - 1 > this.maxPathLength) {
			return ValidationResult.failed(MtlsReason.CERTIFICATE_UNTRUSTED);
		}
		Instant time = validationTime(path);
		X509Certificate issuer;
		if (origin == CertificateOrigin.FORWARDED && !this.revalidateForwarded) {
			MtlsReason validity = checkValidity(path.get(0), time);
			if (validity != null) {
				return ValidationResult.failed(validity);
			}
			issuer = issuerWithoutPkix(path, chain, anchors);
		}
		else {
			PkixOutcome pkix = validatePath(path, anchors, time);
			if (pkix.failure() != null) {
				return ValidationResult.failed(pkix.failure());
			}
			issuer = (path.size() > 1) ? path.get(1) : pkix.anchor();
		}
		MtlsReason usage = LeafUsage.check(path.get(0), this.requiredExtendedKeyUsages);
		if (usage != null) {
			return ValidationResult.failed(usage);
		}
		Instant validUntil = earliestNotAfter(path);
		if (this.revocation != null) {
			return this.revocation.check(path.get(0), issuer, validUntil);
		}
		return ValidationResult.validUntil(validUntil);
	}

	private PkixOutcome validatePath(List<X509Certificate> path, TrustAnchors anchors, Instant time) {
		try {
			CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
			PKIXParameters parameters = new PKIXParameters(anchors.anchors());
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(time));
			if (!this.requiredPolicies.isEmpty()) {
				parameters.setInitialPolicies(this.requiredPolicies);
				parameters.setExplicitPolicyRequired(true);
			}
			PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
				.validate(certPath, parameters);
			if (!this.requiredPolicies.isEmpty()
					&& !CertificatePolicies.leafPolicies(result.getPolicyTree(), path.size())
						.containsAll(this.requiredPolicies)) {
				return PkixOutcome.failed(MtlsReason.POLICY_MISSING);
			}
			return new PkixOutcome(null, result.getTrustAnchor().getTrustedCert());
		}
		catch (CertPathValidatorException ex) {
			// A failure of an intermediate (index above 0: keyCertSign missing, say) is
			// an untrusted path, not a fault of the leaf's own usage.
			MtlsReason reason = reasonFor(ex.getReason());
			return PkixOutcome.failed((reason == MtlsReason.KEY_USAGE_NOT_PERMITTED && ex.getIndex() > 0)
					? MtlsReason.CERTIFICATE_UNTRUSTED : reason);
		}
		catch (CertificateException | InvalidAlgorithmParameterException ex) {
			return PkixOutcome.failed(MtlsReason.CERTIFICATE_UNREADABLE);
		}
		catch (GeneralSecurityException ex) {
			return PkixOutcome.failed(MtlsReason.CERTIFICATE_UNTRUSTED);
		}
	}

	private static @Nullable X509Certificate issuerWithoutPkix(List<X509Certificate> path, List<X509Certificate> chain,
			TrustAnchors anchors) {
		if (path.size() > 1) {
			return path.get(1);
		}
		X509Certificate leaf = path.get(0);
		for (TrustAnchor anchor : anchors.anchors()) {
			if (anchor.getTrustedCert().getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
				return anchor.getTrustedCert();
			}
		}
		return (chain.size() > 1) ? chain.get(1) : null;
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

	private static @Nullable MtlsReason checkValidity(X509Certificate leaf, Instant time) {
		try {
			leaf.checkValidity(Date.from(time));
			return null;
		}
		catch (CertificateExpiredException ex) {
			return MtlsReason.CERTIFICATE_EXPIRED;
		}
		catch (CertificateNotYetValidException ex) {
			return MtlsReason.CERTIFICATE_NOT_YET_VALID;
		}
	}

	private static Instant earliestNotAfter(List<X509Certificate> path) {
		Instant earliest = Instant.MAX;
		for (X509Certificate certificate : path) {
			Instant end = certificate.getNotAfter().toInstant();
			earliest = end.isBefore(earliest) ? end : earliest;
		}
		return earliest;
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
		if (reason == PKIXReason.INVALID_POLICY) {
			return MtlsReason.POLICY_MISSING;
		}
		return MtlsReason.CERTIFICATE_UNTRUSTED;
	}

	private record PkixOutcome(@Nullable MtlsReason failure, @Nullable X509Certificate anchor) {

		static PkixOutcome failed(MtlsReason reason) {
			return new PkixOutcome(reason, null);
		}

	}

}
