package io.github.mtls.spring.mydata;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.CertificateMemo;
import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.error.MtlsReason;

/**
 * Maps a validated client certificate to the {@link MyDataOperator} it belongs to: its
 * SERIALNUMBER (or, for members registered without one, its pinned fingerprint) is looked
 * up in the {@link OperatorRegistry}, pins are checked, suspended entries are set aside.
 * The outcome is an {@link OperatorResolution}: the operator, or the reason none matched.
 *
 * @author mtls-spring-boot
 */
public final class OperatorResolver {

	private final OperatorRegistry registry;

	// The SERIALNUMBER is read from the subject's ASN.1 once per certificate object, not
	// per request; the registry lookups below stay live.
	private final CertificateMemo<SerialNumberExtractor.Extraction> serialNumbers = new CertificateMemo<>(
			new SerialNumberExtractor()::extract, CertificateMemo.DEFAULT_MAX_ENTRIES);

	/**
	 * Create a resolver.
	 * @param registry the registry
	 */
	public OperatorResolver(OperatorRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
	}

	/**
	 * Resolve the operator of a certificate.
	 * @param certificate the validated leaf certificate
	 * @param fingerprint its fingerprint
	 * @return the operator, or the reason no active operator matches
	 */
	public OperatorResolution resolve(X509Certificate certificate, Sha256Fingerprint fingerprint) {
		return resolve(certificate, fingerprint, null);
	}

	/**
	 * Resolve the operator of a certificate presented from a client address. Entries
	 * whose IP allowlist does not hold the address are set aside; when all matched
	 * entries are set aside the request is refused with
	 * {@link MtlsReason#SOURCE_IP_NOT_ALLOWED}. Entries without an allowlist accept any
	 * address.
	 * @param certificate the validated leaf certificate
	 * @param fingerprint its fingerprint
	 * @param clientAddress the caller's address, or {@code null} when unknown (then only
	 * entries without an allowlist match)
	 * @return the operator, or the reason no active operator matches
	 */
	public OperatorResolution resolve(X509Certificate certificate, Sha256Fingerprint fingerprint,
			@Nullable String clientAddress) {
		SerialNumberExtractor.Extraction extraction = this.serialNumbers.get(certificate);
		SerialNumber serialNumber = extraction.serialNumber();
		List<OperatorRegistration> candidates = (serialNumber != null) ? this.registry.findBySerialNumber(serialNumber)
				: List.of();
		if (candidates.isEmpty()) {
			// Members registered without a serial number match through a pinned
			// fingerprint only.
			candidates = this.registry.findByCertificateFingerprint(fingerprint)
				.stream()
				.filter((candidate) -> candidate.serialNumber() == null)
				.toList();
			if (!candidates.isEmpty()) {
				serialNumber = null;
			}
		}
		if (candidates.isEmpty()) {
			MtlsReason reason = (extraction.failure() != null) ? extraction.failure()
					: MtlsReason.OPERATOR_NOT_REGISTERED;
			return OperatorResolution.refused(reason, fingerprint.value(), List.of());
		}
		List<OperatorRegistration> pinned = candidates.stream()
			.filter((candidate) -> candidate.accepts(fingerprint))
			.toList();
		if (pinned.isEmpty()) {
			return OperatorResolution.refused(MtlsReason.FINGERPRINT_NOT_PINNED, fingerprint.value(),
					orgCodes(candidates));
		}
		List<OperatorRegistration> allowed = pinned.stream()
			.filter((candidate) -> candidate.ipAllowlist().allows(clientAddress))
			.toList();
		if (allowed.isEmpty()) {
			return OperatorResolution.refused(MtlsReason.SOURCE_IP_NOT_ALLOWED, fingerprint.value(), orgCodes(pinned));
		}
		List<OperatorRegistration> active = allowed.stream()
			.filter((candidate) -> candidate.status() == OperatorStatus.ACTIVE)
			.toList();
		if (active.isEmpty()) {
			return OperatorResolution.refused(MtlsReason.OPERATOR_SUSPENDED, fingerprint.value(), orgCodes(allowed));
		}
		return OperatorResolution.resolved(toOperator(active, serialNumber, certificate, fingerprint));
	}

	private static MyDataOperator toOperator(List<OperatorRegistration> active, @Nullable SerialNumber serialNumber,
			X509Certificate certificate, Sha256Fingerprint fingerprint) {
		OperatorRegistration primary = active.get(0);
		Set<String> scopes = new LinkedHashSet<>();
		Set<String> industries = new LinkedHashSet<>();
		Set<String> orgTypes = new LinkedHashSet<>();
		for (OperatorRegistration registration : active) {
			scopes.addAll(registration.scopes());
			if (registration.industry() != null) {
				industries.add(registration.industry());
			}
			if (registration.orgType() != null) {
				orgTypes.add(registration.orgType());
			}
		}
		return new MyDataOperator(orgCodes(active), primary.businessNumber(),
				(serialNumber != null) ? serialNumber.value() : "", primary.name(), OperatorStatus.ACTIVE, scopes,
				fingerprint.value(), certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
				certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
				certificate.getNotAfter().toInstant(), industries, orgTypes);
	}

	private static List<String> orgCodes(List<OperatorRegistration> registrations) {
		List<String> orgCodes = new ArrayList<>(registrations.size());
		registrations.forEach((registration) -> orgCodes.add(registration.orgCode()));
		return orgCodes;
	}

}
