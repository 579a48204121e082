package io.github.mtls.spring.test.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * Builds PKCS#12 trust stores of trusted-certificate entries. Made by the JDK, so they
 * load with their entries in Java 17 (OpenSSL 3.0's cert-only PKCS#12 files load empty
 * there).
 *
 * @author mtls-spring-boot
 */
public final class TrustStores {

	private TrustStores() {
	}

	/**
	 * Create a trust store holding the given certificates as trusted entries.
	 * @param certificates the anchors
	 * @return the key store
	 */
	public static KeyStore of(X509Certificate... certificates) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			for (int i = 0; i < certificates.length; i++) {
				store.setCertificateEntry("ca-" + i, certificates[i]);
			}
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Trust store could not be created", ex);
		}
	}

	/**
	 * Write a trust store holding the given certificates as a PKCS#12 file.
	 * @param file the file
	 * @param password the store password
	 * @param certificates the anchors
	 */
	public static void write(Path file, char[] password, X509Certificate... certificates) {
		IssuedCertificate.KeyStores.write(of(certificates), file, password);
	}

}
