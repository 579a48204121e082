package io.github.mtls.spring.mydata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.mtls.spring.certificate.Sha256Fingerprint;

/**
 * An {@link OperatorRegistry} over a fixed list of entries, such as those of
 * {@code mtls.mydata.operators}.
 *
 * @author mtls-spring-boot
 */
public final class InMemoryOperatorRegistry implements OperatorRegistry {

	private final List<OperatorRegistration> registrations;

	private final Map<SerialNumber, List<OperatorRegistration>> bySerialNumber = new HashMap<>();

	private final Map<Sha256Fingerprint, List<OperatorRegistration>> byFingerprint = new HashMap<>();

	/**
	 * Create a registry.
	 * @param registrations the entries
	 * @throws IllegalArgumentException if two entries share an org code
	 */
	public InMemoryOperatorRegistry(List<OperatorRegistration> registrations) {
		this.registrations = List.copyOf(registrations);
		Set<String> orgCodes = new HashSet<>();
		for (OperatorRegistration registration : this.registrations) {
			if (!orgCodes.add(registration.orgCode())) {
				throw new IllegalArgumentException(
						"Org code " + registration.orgCode() + " is registered more than once");
			}
			if (registration.serialNumber() != null) {
				this.bySerialNumber.computeIfAbsent(registration.serialNumber(), (key) -> new ArrayList<>())
					.add(registration);
			}
			for (Sha256Fingerprint fingerprint : registration.certificateFingerprints()) {
				this.byFingerprint.computeIfAbsent(fingerprint, (key) -> new ArrayList<>()).add(registration);
			}
		}
		this.bySerialNumber.replaceAll((key, value) -> List.copyOf(value));
		this.byFingerprint.replaceAll((key, value) -> List.copyOf(value));
	}

	@Override
	public List<OperatorRegistration> findBySerialNumber(SerialNumber serialNumber) {
		return this.bySerialNumber.getOrDefault(serialNumber, List.of());
	}

	@Override
	public List<OperatorRegistration> findByCertificateFingerprint(Sha256Fingerprint fingerprint) {
		return this.byFingerprint.getOrDefault(fingerprint, List.of());
	}

	/**
	 * Return every entry.
	 * @return the entries
	 */
	@Override
	public List<OperatorRegistration> getRegistrations() {
		return this.registrations;
	}

}
