package io.github.mtls.spring.validation;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.jspecify.annotations.Nullable;

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
			for (X509Certificate certificate : entries(trustStore,
					(store, alias) -> store.isCertificateEntry(alias) ? x509(store.getCertificate(alias)) : null)) {
				anchors.add(new TrustAnchor(certificate, null));
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
	 * Return the X.509 certificate of every entry of a store: a trusted-certificate
	 * entry's certificate and a key entry's own certificate, such as the intermediate CA
	 * certificates of a bundle's trust store.
	 * @param store the store
	 * @return the certificates, in the store's alias order
	 * @throws KeyStoreException if the store cannot be read
	 */
	public static List<X509Certificate> certificatesOf(KeyStore store) throws KeyStoreException {
		return entries(store, (candidate, alias) -> x509(candidate.getCertificate(alias)));
	}

	/**
	 * Return the certificate chain of a store's key entry, such as a server's own chain.
	 * @param store the store
	 * @param alias the key entry's alias, or {@code null} for the first key entry
	 * @return the chain, leaf first, or an empty list when there is no such key entry
	 * @throws KeyStoreException if the store cannot be read
	 */
	public static List<X509Certificate> keyChainOf(KeyStore store, @Nullable String alias) throws KeyStoreException {
		List<List<X509Certificate>> chains = entries(store, (candidate, name) -> {
			if ((alias != null && !alias.equals(name)) || !candidate.isKeyEntry(name)) {
				return null;
			}
			Certificate[] chain = candidate.getCertificateChain(name);
			List<X509Certificate> certificates = new ArrayList<>();
			if (chain != null) {
				for (Certificate certificate : chain) {
					if (certificate instanceof X509Certificate x509) {
						certificates.add(x509);
					}
				}
			}
			return List.copyOf(certificates);
		});
		return chains.isEmpty() ? List.of() : chains.get(0);
	}

	/**
	 * The one walk over a store's aliases: what {@code reader} returns for each entry,
	 * skipping {@code null}.
	 * @param <T> what is read from an entry
	 * @param store the store to walk
	 * @param reader reads one entry, {@code null} to skip it
	 * @return what was read, in alias order
	 * @throws KeyStoreException if the store cannot be read
	 */
	private static <T> List<T> entries(KeyStore store, EntryReader<T> reader) throws KeyStoreException {
		List<T> found = new ArrayList<>();
		for (String alias : Collections.list(store.aliases())) {
			T value = reader.read(store, alias);
			if (value != null) {
				found.add(value);
			}
		}
		return found;
	}

	private static @Nullable X509Certificate x509(@Nullable Certificate certificate) {
		return (certificate instanceof X509Certificate x509) ? x509 : null;
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

	@FunctionalInterface
	private interface EntryReader<T> {

		@Nullable T read(KeyStore store, String alias) throws KeyStoreException;

	}

}
