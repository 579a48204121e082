package io.github.mtls.spring.mydata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.Sha256Fingerprint;

/**
 * The inline registry ({@code mtls.mydata.operators}) combined with another, such as the
 * portal's org list. Inline entries win: an org code registered inline hides the other
 * registry's entry of the same org code, whatever its serial number, so configuration can
 * correct or suspend an org-list entry. Inline entries come first in results, so an
 * inline entry is the primary one of an operator with several org codes.
 *
 * @author mtls-spring-boot
 */
public final class CompositeOperatorRegistry implements OperatorRegistry {

	private final InMemoryOperatorRegistry inline;

	private final OperatorRegistry other;

	private final Set<String> inlineOrgCodes = new HashSet<>();

	/**
	 * Create a registry.
	 * @param inline the inline entries, which win
	 * @param other the other registry
	 */
	public CompositeOperatorRegistry(InMemoryOperatorRegistry inline, OperatorRegistry other) {
		Assert.notNull(inline, "inline cannot be null");
		Assert.notNull(other, "other cannot be null");
		this.inline = inline;
		this.other = other;
		inline.getRegistrations().forEach((registration) -> this.inlineOrgCodes.add(registration.orgCode()));
	}

	@Override
	public List<OperatorRegistration> findBySerialNumber(SerialNumber serialNumber) {
		return combine(this.inline.findBySerialNumber(serialNumber), this.other.findBySerialNumber(serialNumber));
	}

	@Override
	public List<OperatorRegistration> findByCertificateFingerprint(Sha256Fingerprint fingerprint) {
		return combine(this.inline.findByCertificateFingerprint(fingerprint),
				this.other.findByCertificateFingerprint(fingerprint));
	}

	@Override
	public List<OperatorRegistration> getRegistrations() {
		return combine(this.inline.getRegistrations(), this.other.getRegistrations());
	}

	private List<OperatorRegistration> combine(List<OperatorRegistration> inline, List<OperatorRegistration> other) {
		if (other.isEmpty()) {
			return inline;
		}
		List<OperatorRegistration> combined = new ArrayList<>(inline.size() + other.size());
		combined.addAll(inline);
		for (OperatorRegistration registration : other) {
			if (!this.inlineOrgCodes.contains(registration.orgCode())) {
				combined.add(registration);
			}
		}
		return combined;
	}

}
