package io.github.mtls.spring.validation.revocation;

import java.security.cert.X509Certificate;

/**
 * Learns whether a certificate has been revoked.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface RevocationChecker {

	/**
	 * Check one certificate, issued by {@code issuer}. Never throws for network or format
	 * problems: those are {@link RevocationStatus.State#UNKNOWN}.
	 * @param certificate the certificate
	 * @param issuer its issuer's certificate
	 * @return the status
	 */
	RevocationStatus check(X509Certificate certificate, X509Certificate issuer);

}
