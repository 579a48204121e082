package io.github.mtls.spring.validation;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/**
 * The trust anchors callers' chains must lead to: the trusted-certificate entries of a
 * trust store.
 *
 * @author mtls-spring-boot
 */
public final class TrustAnchors {

	private final Set<TrustAnchor> anchors;

	private final Set<X500Principal> subjects = new HashSet<>();

	private TrustAnchors(Set<TrustAnchor> anchors) {
		this.anchors = Collections.unmodifiableSet(anchors);
		anchors.forEach((anchor) -> this.subjects.add(anchor.getTrustedCert().getSubjectX500Principal()));
	}

	/**
	 * Take the trusted-certificate entries of a trust store as anchors.
	 * @param trustStore the trust store
	 * @return the anchors
	 * @throws IllegalArgumentException if the store holds no trusted X.509 certificate
	 */
	public static TrustAnchors of(KeyStore trustStore) {
		Set<TrustAnchor> anchors = new HashSet<>();
		try {
			for (String alias : Collections.list(trustStore.aliases())) {
				if (trustStore.isCertificateEntry(alias)) {
					Certificate certificate = trustStore.getCertificate(alias);
					if (certificate instanceof X509Certificate x509) {
						anchors.add(new TrustAnchor(x509, null));
					}
				}
			}
		}
		catch (KeyStoreException ex) {
			throw new IllegalArgumentException("Trust store could not be read", ex);
		}
		if (anchors.isEmpty()) {
			throw new IllegalArgumentException("Trust store holds no trusted certificate entry "
					+ "(a certificate-only PKCS#12 made by OpenSSL 3 loads empty in Java 17)");
		}
		return new TrustAnchors(anchors);
	}

	/**
	 * Use the given certificates as anchors.
	 * @param certificates the anchor certificates
	 * @return the anchors
	 */
	public static TrustAnchors of(X509Certificate... certificates) {
		Set<TrustAnchor> anchors = new HashSet<>();
		for (X509Certificate certificate : certificates) {
			anchors.add(new TrustAnchor(certificate, null));
		}
		if (anchors.isEmpty()) {
			throw new IllegalArgumentException("At least one trust anchor is required");
		}
		return new TrustAnchors(anchors);
	}

	/**
	 * Return the anchors.
	 * @return an unmodifiable set
	 */
	public Set<TrustAnchor> anchors() {
		return this.anchors;
	}

	/**
	 * Whether an anchor has this subject.
	 * @param subject a distinguished name
	 * @return {@code true} if an anchor's subject equals it
	 */
	public boolean hasSubject(X500Principal subject) {
		return this.subjects.contains(subject);
	}

	/**
	 * Whether the certificate is one of the anchors.
	 * @param certificate a certificate
	 * @return {@code true} if it is an anchor
	 */
	public boolean isAnchor(X509Certificate certificate) {
		for (TrustAnchor anchor : this.anchors) {
			if (certificate.equals(anchor.getTrustedCert())) {
				return true;
			}
		}
		return false;
	}

}
