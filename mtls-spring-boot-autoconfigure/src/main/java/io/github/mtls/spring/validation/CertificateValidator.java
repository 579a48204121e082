package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.util.List;

import io.github.mtls.spring.certificate.CertificateOrigin;

/**
 * Validates a client certificate chain, whichever source it came from.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface CertificateValidator {

	/**
	 * Validate a chain.
	 * @param chain the chain, leaf first; it may or may not end with the anchor
	 * @return the outcome
	 */
	ValidationResult validate(List<X509Certificate> chain);

	/**
	 * Validate a chain that came from the given origin. By default both origins are
	 * validated alike.
	 * @param chain the chain, leaf first; it may or may not end with the anchor
	 * @param origin where the chain came from
	 * @return the outcome
	 */
	default ValidationResult validate(List<X509Certificate> chain, CertificateOrigin origin) {
		return validate(chain);
	}

}
