package io.github.mtls.spring.validation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.jspecify.annotations.Nullable;

/**
 * Orders a presented chain into a certification path for PKIX: from the leaf, each next
 * certificate is an issuer of the previous one, taken from the presented certificates or
 * the configured intermediates, until the issuer is a trust anchor's subject. Anchors are
 * never part of the path, and a certificate is used once at most.
 * <p>
 * A name alone does not pick the issuer: after a CA rollover two intermediates share one
 * subject with different keys. When several certificates carry the issuer's name, they
 * are tried in order of preference, the one whose subject key identifier matches the
 * child's authority key identifier first, then those valid now, then presented before
 * configured, and only one whose key verifies the child's signature is taken; a branch
 * that cannot reach an anchor's subject is left for the next candidate, as the JDK's
 * {@code CertPathBuilder} does. A lone certificate with the issuer's name is taken
 * without a check of its own, as before: PKIX verifies every signature of the result
 * anyway, and the common chain costs no extra verification. The work is bounded: at most
 * {@value #MAX_CANDIDATES} candidates per issuer name and {@value #MAX_SIGNATURE_CHECKS}
 * signature verifications per path, whatever the client presents. When no path reaches an
 * anchor's subject, the first one tried is returned for PKIX to refuse.
 *
 * @author mtls-spring-boot
 */
final class CertificatePathAssembler {

	/**
	 * The most certificates with one issuer name considered for one link.
	 */
	static final int MAX_CANDIDATES = 8;

	/**
	 * The most signature verifications spent on one path.
	 */
	static final int MAX_SIGNATURE_CHECKS = 16;

	private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";

	private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";

	private final List<X509Certificate> presented;

	private final List<X509Certificate> intermediates;

	private final TrustAnchors anchors;

	private final int maxLength;

	private final Date now;

	private int signatureChecks;

	private @Nullable List<X509Certificate> complete;

	private @Nullable List<X509Certificate> firstTried;

	private CertificatePathAssembler(List<X509Certificate> presented, List<X509Certificate> intermediates,
			TrustAnchors anchors, int maxLength, Instant now) {
		this.presented = presented;
		this.intermediates = intermediates;
		this.anchors = anchors;
		this.maxLength = maxLength;
		this.now = Date.from(now);
	}

	/**
	 * Assemble the path of the presented leaf.
	 * @param presented the certificates the client presented, leaf first
	 * @param intermediates the configured intermediates
	 * @param anchors the trust anchors
	 * @param maxLength the most certificates in the path, leaf included
	 * @param now the time, to prefer issuers valid now
	 * @return the path, leaf first, without the anchor
	 */
	static List<X509Certificate> assemble(List<X509Certificate> presented, List<X509Certificate> intermediates,
			TrustAnchors anchors, int maxLength, Instant now) {
		CertificatePathAssembler assembler = new CertificatePathAssembler(presented, intermediates, anchors, maxLength,
				now);
		List<X509Certificate> path = new ArrayList<>(Math.min(presented.size() + 1, maxLength));
		path.add(presented.get(0));
		assembler.extend(path);
		if (assembler.complete != null) {
			return assembler.complete;
		}
		return (assembler.firstTried != null) ? assembler.firstTried : path;
	}

	private boolean extend(List<X509Certificate> path) {
		X509Certificate current = path.get(path.size() - 1);
		if (this.anchors.hasSubject(current.getIssuerX500Principal())) {
			this.complete = List.copyOf(path);
			return true;
		}
		if (path.size() < this.maxLength) {
			List<X509Certificate> candidates = candidates(current, path);
			for (X509Certificate candidate : candidates) {
				if (candidates.size() > 1 && !signs(candidate, current)) {
					continue;
				}
				path.add(candidate);
				if (extend(path)) {
					return true;
				}
				path.remove(path.size() - 1);
				if (this.signatureChecks >= MAX_SIGNATURE_CHECKS) {
					break;
				}
			}
		}
		if (this.firstTried == null) {
			this.firstTried = List.copyOf(path);
		}
		return false;
	}

	private List<X509Certificate> candidates(X509Certificate child, List<X509Certificate> path) {
		X500Principal issuer = child.getIssuerX500Principal();
		List<Candidate> candidates = new ArrayList<>(2);
		collect(this.presented, 0, issuer, path, candidates);
		collect(this.intermediates, 1, issuer, path, candidates);
		if (candidates.size() == 1) {
			return List.of(candidates.get(0).certificate());
		}
		byte[] authorityKeyId = authorityKeyIdentifier(child);
		List<Ranked> ranked = new ArrayList<>(candidates.size());
		for (Candidate candidate : candidates) {
			ranked.add(new Ranked(candidate.certificate(), keyIdRank(authorityKeyId, candidate.certificate()),
					validNow(candidate.certificate()) ? 0 : 1, candidate.source(), candidate.index()));
		}
		// Stable: ties keep presented before configured, each in its own order.
		ranked.sort(Comparator.comparingInt(Ranked::keyIdRank)
			.thenComparingInt(Ranked::validityRank)
			.thenComparingInt(Ranked::source)
			.thenComparingInt(Ranked::index));
		List<X509Certificate> ordered = new ArrayList<>(Math.min(ranked.size(), MAX_CANDIDATES));
		for (int i = 0; i < ranked.size() && i < MAX_CANDIDATES; i++) {
			ordered.add(ranked.get(i).certificate());
		}
		return ordered;
	}

	private void collect(List<X509Certificate> certificates, int source, X500Principal issuer,
			List<X509Certificate> path, List<Candidate> candidates) {
		for (int i = 0; i < certificates.size(); i++) {
			X509Certificate certificate = certificates.get(i);
			if (certificate.getSubjectX500Principal().equals(issuer) && !path.contains(certificate)
					&& !this.anchors.isAnchor(certificate) && !listed(candidates, certificate)) {
				candidates.add(new Candidate(certificate, source, i));
			}
		}
	}

	private static boolean listed(List<Candidate> candidates, X509Certificate certificate) {
		for (Candidate candidate : candidates) {
			if (candidate.certificate().equals(certificate)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Rank a candidate by its subject key identifier against the child's authority key
	 * identifier: matching first, then unknown (either absent), then different. A
	 * different one is still tried: the signature decides, as for the JDK.
	 * @param authorityKeyId the child's authority key identifier, if it has one
	 * @param candidate the candidate issuer
	 * @return 0 for a match, 1 for unknown, 2 for a different identifier
	 */
	private static int keyIdRank(byte @Nullable [] authorityKeyId, X509Certificate candidate) {
		if (authorityKeyId == null) {
			return 1;
		}
		byte[] subjectKeyId = subjectKeyIdentifier(candidate);
		if (subjectKeyId == null) {
			return 1;
		}
		return Arrays.equals(authorityKeyId, subjectKeyId) ? 0 : 2;
	}

	private boolean validNow(X509Certificate certificate) {
		return !this.now.before(certificate.getNotBefore()) && !this.now.after(certificate.getNotAfter());
	}

	private boolean signs(X509Certificate issuer, X509Certificate child) {
		if (this.signatureChecks >= MAX_SIGNATURE_CHECKS) {
			return false;
		}
		this.signatureChecks++;
		try {
			child.verify(issuer.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			// A key or signature a provider cannot handle is a wrong issuer, never a
			// 5xx.
			return false;
		}
	}

	private static byte @Nullable [] authorityKeyIdentifier(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(AUTHORITY_KEY_IDENTIFIER);
		if (extension == null) {
			return null;
		}
		try {
			return AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
				.getKeyIdentifier();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static byte @Nullable [] subjectKeyIdentifier(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(SUBJECT_KEY_IDENTIFIER);
		if (extension == null) {
			return null;
		}
		try {
			return ASN1OctetString.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension)).getOctets();
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private record Candidate(X509Certificate certificate, int source, int index) {

	}

	private record Ranked(X509Certificate certificate, int keyIdRank, int validityRank, int source, int index) {

	}

}
