package io.github.mtls.spring.observability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListStatus;
import io.github.mtls.spring.source.TrustedProxies;
import io.github.mtls.spring.validation.CachingCertificateValidator;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;

/**
 * The {@code mtls} Actuator endpoint: what the starter believes, read-only. Trust anchors
 * and intermediates, trusted proxies, the operator registry, the validation cache, each
 * revocation source and the recent refusals by reason; and one operator's registration by
 * org code. Certificates appear as subject, SHA-256 and not-after, never their encoding;
 * nothing here is a secret.
 *
 * @author mtls-spring-boot
 */
@Endpoint(id = "mtls")
public final class MtlsEndpoint {

	private final CertificateInventory certificates;

	private final TrustedProxies trustedProxies;

	private final OperatorRegistry registry;

	private final RecentRefusals refusals;

	private @Nullable OrgListOperatorRegistry orgList;

	private @Nullable CachingCertificateValidator cache;

	private @Nullable RevocationSourceFailures revocationSources;

	/**
	 * Create the endpoint.
	 * @param certificates the certificates the starter depends on
	 * @param trustedProxies the trusted proxies
	 * @param registry the operator registry
	 * @param refusals the recent refusals
	 */
	public MtlsEndpoint(CertificateInventory certificates, TrustedProxies trustedProxies, OperatorRegistry registry,
			RecentRefusals refusals) {
		Assert.notNull(certificates, "certificates cannot be null");
		Assert.notNull(trustedProxies, "trustedProxies cannot be null");
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(refusals, "refusals cannot be null");
		this.certificates = certificates;
		this.trustedProxies = trustedProxies;
		this.registry = registry;
		this.refusals = refusals;
	}

	/**
	 * Show the org list's state too.
	 * @param orgList the org-list registry
	 */
	public void setOrgList(OrgListOperatorRegistry orgList) {
		this.orgList = orgList;
	}

	/**
	 * Show the validation cache.
	 * @param cache the cache
	 */
	public void setCache(CachingCertificateValidator cache) {
		this.cache = cache;
	}

	/**
	 * Show the revocation sources.
	 * @param revocationSources what each source last did
	 */
	public void setRevocationSources(RevocationSourceFailures revocationSources) {
		this.revocationSources = revocationSources;
	}

	/**
	 * Describe what the starter believes.
	 * @return the description
	 */
	@ReadOperation
	public MtlsDescriptor mtls() {
		List<CertificateInventory.Entry> all = this.certificates.certificates();
		return new MtlsDescriptor(certificates(all, CertificateInventory.Kind.TRUST_ANCHOR),
				certificates(all, CertificateInventory.Kind.INTERMEDIATE),
				certificates(all, CertificateInventory.Kind.SERVER),
				new ProxiesDescriptor(this.trustedProxies.addresses(),
						this.trustedProxies.certificates().stream().map(Object::toString).sorted().toList()),
				registry(), cache(), revocationSources(), refusals());
	}

	/**
	 * Describe one operator's registration.
	 * @param orgCode its org code
	 * @return its registration, or {@code null} (404) when no entry has that org code
	 */
	@ReadOperation
	public @Nullable OperatorDescriptor operator(@Selector String orgCode) {
		for (OperatorRegistration registration : this.registry.getRegistrations()) {
			if (registration.orgCode().equals(orgCode)) {
				return OperatorDescriptor.of(registration);
			}
		}
		return null;
	}

	private static List<CertificateDescriptor> certificates(List<CertificateInventory.Entry> all,
			CertificateInventory.Kind kind) {
		return all.stream()
			.filter((entry) -> entry.kind() == kind)
			.map((entry) -> new CertificateDescriptor(entry.subject(), entry.sha256(), entry.notAfter()))
			.toList();
	}

	private RegistryDescriptor registry() {
		int size = this.registry.getRegistrations().size();
		OrgListOperatorRegistry orgList = this.orgList;
		if (orgList == null) {
			return new RegistryDescriptor(size, "inline", null);
		}
		OrgListStatus status = orgList.status();
		return new RegistryDescriptor(size, "org-list",
				new OrgListDescriptor(status.location(), status.loaded(), status.lastApplied(), status.lastAttempt(),
						status.lastGoodRead(), status.lastFailure(), status.searchTimestamp(), status.entries(),
						status.operators()));
	}

	private @Nullable CacheDescriptor cache() {
		CachingCertificateValidator cache = this.cache;
		if (cache == null) {
			return null;
		}
		long hits = cache.hits();
		long lookups = hits + cache.misses();
		return new CacheDescriptor(cache.size(), hits, cache.misses(), (lookups > 0) ? (double) hits / lookups : 0);
	}

	private List<RevocationSourceFailures.SourceState> revocationSources() {
		return (this.revocationSources != null) ? this.revocationSources.sources() : List.of();
	}

	private Map<String, Long> refusals() {
		Map<String, Long> refusals = new LinkedHashMap<>();
		this.refusals.counts().forEach((reason, count) -> refusals.put(reason.name(), count));
		return refusals;
	}

	/**
	 * What the starter believes.
	 *
	 * @param trustAnchors the anchors in force
	 * @param intermediates the configured intermediates
	 * @param server the server's own certificate chain
	 * @param trustedProxies the trusted proxies
	 * @param registry the operator registry
	 * @param validationCache the validation cache, or {@code null} when off
	 * @param revocationSources each revocation source asked so far
	 * @param recentRefusals refusals of the last five minutes by reason
	 */
	public record MtlsDescriptor(List<CertificateDescriptor> trustAnchors, List<CertificateDescriptor> intermediates,
			List<CertificateDescriptor> server, ProxiesDescriptor trustedProxies, RegistryDescriptor registry,
			@Nullable CacheDescriptor validationCache, List<RevocationSourceFailures.SourceState> revocationSources,
			Map<String, Long> recentRefusals) {

	}

	/**
	 * A certificate.
	 *
	 * @param subject its subject
	 * @param sha256 its SHA-256 fingerprint
	 * @param notAfter the end of its validity
	 */
	public record CertificateDescriptor(String subject, String sha256, Instant notAfter) {

	}

	/**
	 * The trusted proxies.
	 *
	 * @param addresses the trusted address ranges
	 * @param certificates the fingerprints of their own certificates
	 */
	public record ProxiesDescriptor(List<String> addresses, List<String> certificates) {

	}

	/**
	 * The operator registry.
	 *
	 * @param size the entries it lists
	 * @param source {@code inline} or {@code org-list}
	 * @param orgList the org list's state, or {@code null} without one
	 */
	public record RegistryDescriptor(int size, String source, @Nullable OrgListDescriptor orgList) {

	}

	/**
	 * The org list's state.
	 *
	 * @param location where it is read from
	 * @param loaded whether a good document was applied
	 * @param lastApplied when one was last applied
	 * @param lastAttempt when it was last read
	 * @param lastGoodRead when a good document was last read
	 * @param lastError why the last read was not applied
	 * @param searchTimestamp the last applied {@code search_timestamp}
	 * @param entries entries known
	 * @param operators entries that can call
	 */
	public record OrgListDescriptor(String location, boolean loaded, @Nullable Instant lastApplied,
			@Nullable Instant lastAttempt, @Nullable Instant lastGoodRead, @Nullable String lastError,
			long searchTimestamp, int entries, int operators) {

	}

	/**
	 * The validation cache.
	 *
	 * @param size chains remembered
	 * @param hits validations it answered
	 * @param misses validations computed
	 * @param hitRate hits over lookups, 0 before any
	 */
	public record CacheDescriptor(long size, long hits, long misses, double hitRate) {

	}

	/**
	 * One operator's registration: no secrets.
	 *
	 * @param orgCode the org code
	 * @param name the display name
	 * @param businessNumber the business registration number
	 * @param serialNumber the SERIALNUMBER matched, if any
	 * @param status active or suspended
	 * @param scopes the scopes granted
	 * @param certificateFingerprints the pinned fingerprints
	 * @param ipAllowlist the addresses it may call from; empty allows any
	 * @param industry its industry, if known
	 * @param orgType its org type, if known
	 */
	public record OperatorDescriptor(String orgCode, String name, String businessNumber, @Nullable String serialNumber,
			String status, List<String> scopes, List<String> certificateFingerprints, List<String> ipAllowlist,
			@Nullable String industry, @Nullable String orgType) {

		static OperatorDescriptor of(OperatorRegistration registration) {
			List<String> fingerprints = new ArrayList<>();
			registration.certificateFingerprints().forEach((fingerprint) -> fingerprints.add(fingerprint.value()));
			fingerprints.sort(null);
			return new OperatorDescriptor(registration.orgCode(), registration.name(), registration.businessNumber(),
					(registration.serialNumber() != null) ? registration.serialNumber().value() : null,
					registration.status().name().toLowerCase(Locale.ROOT), registration.sortedScopes(), fingerprints,
					registration.ipAllowlist().entries(), registration.industry(), registration.orgType());
		}

	}

}
