package io.github.mtls.spring.mydata;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.Sha256Fingerprint;

/**
 * One registry entry: an org code registered with the MyData portal. A company may hold
 * several org codes (one per industry) under one serial number.
 *
 * @param orgCode the org code, aN(10)
 * @param businessNumber the business registration number, as written
 * @param serialNumber the SERIALNUMBER its certificates carry, or {@code null} for
 * members that match only through pinned fingerprints (dedicated line or VPN)
 * @param name the display name
 * @param status whether it may call
 * @param scopes the scopes it is granted
 * @param certificateFingerprints pinned certificate fingerprints; empty pins nothing
 * @param ipAllowlist the client addresses it may call from; {@link IpAllowlist#any()}
 * allows any
 * @param industry its industry (bank, card, ...), or {@code null} when unknown
 * @param orgType its org_type code (03 MyData operator, 07 integrated portal, ...), or
 * {@code null} when unknown
 * @author mtls-spring-boot
 */
public record OperatorRegistration(String orgCode, String businessNumber, @Nullable SerialNumber serialNumber,
		String name, OperatorStatus status, Set<String> scopes, Set<Sha256Fingerprint> certificateFingerprints,
		IpAllowlist ipAllowlist, @Nullable String industry, @Nullable String orgType) {

	/**
	 * Create an entry that any address may use and whose industry and org type are
	 * unknown.
	 * @param orgCode the org code, aN(10)
	 * @param businessNumber the business registration number, as written
	 * @param serialNumber the SERIALNUMBER, or {@code null}
	 * @param name the display name
	 * @param status whether it may call
	 * @param scopes the scopes it is granted
	 * @param certificateFingerprints pinned certificate fingerprints
	 */
	public OperatorRegistration(String orgCode, String businessNumber, @Nullable SerialNumber serialNumber, String name,
			OperatorStatus status, Set<String> scopes, Set<Sha256Fingerprint> certificateFingerprints) {
		this(orgCode, businessNumber, serialNumber, name, status, scopes, certificateFingerprints, IpAllowlist.any(),
				null, null);
	}

	public OperatorRegistration {
		Assert.notNull(ipAllowlist, "ipAllowlist cannot be null");
		Assert.hasText(orgCode, "orgCode cannot be empty");
		Assert.notNull(businessNumber, "businessNumber cannot be null");
		Assert.notNull(name, "name cannot be null");
		Assert.notNull(status, "status cannot be null");
		scopes = Set.copyOf(scopes);
		certificateFingerprints = Set.copyOf(certificateFingerprints);
		Assert.isTrue(serialNumber != null || !certificateFingerprints.isEmpty(),
				"An operator with no serial number must pin certificate fingerprints");
	}

	/**
	 * Whether a certificate with this fingerprint may act for this entry: it is pinned,
	 * or the entry pins nothing.
	 * @param fingerprint the certificate's fingerprint
	 * @return {@code true} if accepted
	 */
	public boolean accepts(Sha256Fingerprint fingerprint) {
		return this.certificateFingerprints.isEmpty() || this.certificateFingerprints.contains(fingerprint);
	}

	/**
	 * Return the scopes, sorted, for display.
	 * @return the sorted scopes
	 */
	public List<String> sortedScopes() {
		return this.scopes.stream().sorted().toList();
	}

}
