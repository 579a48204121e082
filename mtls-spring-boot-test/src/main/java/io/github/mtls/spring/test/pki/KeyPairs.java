package io.github.mtls.spring.test.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * Generates the EC P-256 key pairs used by minted certificates (fast to generate,
 * accepted by every TLS stack the tests use).
 *
 * @author mtls-spring-boot
 */
final class KeyPairs {

	private KeyPairs() {
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("EC P-256 key generation is unavailable", ex);
		}
	}

}
