package io.github.mtls.spring.mydata;

import java.util.List;

import io.github.mtls.spring.certificate.Sha256Fingerprint;

/**
 * Looks up registered operators. Declare a bean of this type to replace the inline
 * registry (for example one backed by a database). Lookups run on every request that is
 * not answered from a cache, so implementations should be fast and thread-safe.
 *
 * @author mtls-spring-boot
 */
public interface OperatorRegistry {

	/**
	 * Return every entry registered under a serial number.
	 * @param serialNumber the normalised serial number
	 * @return the entries, possibly several (one per org code), empty when none
	 */
	List<OperatorRegistration> findBySerialNumber(SerialNumber serialNumber);

	/**
	 * Return every entry that pins a certificate fingerprint.
	 * @param fingerprint the fingerprint
	 * @return the entries, empty when none
	 */
	List<OperatorRegistration> findByCertificateFingerprint(Sha256Fingerprint fingerprint);

	/**
	 * Return every entry, for operations (the {@code mtls} Actuator endpoint). Not called
	 * on the request path. A registry that cannot list its entries returns none.
	 * @return the entries, empty when none or when the registry cannot list them
	 */
	default List<OperatorRegistration> getRegistrations() {
		return List.of();
	}

}
