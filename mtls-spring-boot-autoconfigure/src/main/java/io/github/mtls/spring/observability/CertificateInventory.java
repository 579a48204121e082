package io.github.mtls.spring.observability;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.validation.TrustAnchors;

/**
 * The certificates the starter depends on, read afresh each time so that a reload shows:
 * the server's own certificate, the trust anchors in force and the configured
 * intermediates. Health, the endpoint and the expiry gauge read it; never the request
 * path.
 *
 * @author mtls-spring-boot
 */
public final class CertificateInventory {

	private final Supplier<List<X509Certificate>> server;

	private final Supplier<TrustAnchors> anchors;

	private final Supplier<List<X509Certificate>> intermediates;

	/**
	 * Create an inventory.
	 * @param server the server's own certificate chain, empty when unknown
	 * @param anchors the trust anchors in force
	 * @param intermediates the configured intermediate CA certificates
	 */
	public CertificateInventory(Supplier<List<X509Certificate>> server, Supplier<TrustAnchors> anchors,
			Supplier<List<X509Certificate>> intermediates) {
		Assert.notNull(server, "server cannot be null");
		Assert.notNull(anchors, "anchors cannot be null");
		Assert.notNull(intermediates, "intermediates cannot be null");
		this.server = server;
		this.anchors = anchors;
		this.intermediates = intermediates;
	}

	/**
	 * Return every certificate, server first, then anchors, then intermediates, each
	 * group by not-after.
	 * @return the certificates
	 */
	public List<Entry> certificates() {
		List<Entry> entries = new ArrayList<>();
		add(entries, Kind.SERVER, this.server.get());
		List<X509Certificate> anchors = new ArrayList<>();
		for (TrustAnchor anchor : this.anchors.get().anchors()) {
			anchors.add(anchor.getTrustedCert());
		}
		add(entries, Kind.TRUST_ANCHOR, anchors);
		add(entries, Kind.INTERMEDIATE, this.intermediates.get());
		return entries;
	}

	private static void add(List<Entry> entries, Kind kind, List<X509Certificate> certificates) {
		certificates.stream()
			.map((certificate) -> Entry.of(kind, certificate))
			.sorted(Comparator.comparing(Entry::notAfter))
			.forEach(entries::add);
	}

	/**
	 * The kinds of certificate watched.
	 */
	public enum Kind {

		/** The server's own TLS certificate or a CA certificate of its chain. */
		SERVER,

		/** A trust anchor callers' chains lead to. */
		TRUST_ANCHOR,

		/** An intermediate CA certificate from {@code intermediates-bundle}. */
		INTERMEDIATE;

		/**
		 * Return the kind as a tag value or detail key.
		 * @return such as {@code trust_anchor}
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One watched certificate: never its encoding.
	 *
	 * @param kind what it is for
	 * @param subject its subject in RFC 2253 form
	 * @param sha256 its SHA-256 fingerprint
	 * @param notAfter the end of its validity
	 */
	public record Entry(Kind kind, String subject, String sha256, Instant notAfter) {

		static Entry of(Kind kind, X509Certificate certificate) {
			return new Entry(kind, certificate.getSubjectX500Principal().getName(),
					Sha256Fingerprint.of(certificate).value(), certificate.getNotAfter().toInstant());
		}

	}

}
