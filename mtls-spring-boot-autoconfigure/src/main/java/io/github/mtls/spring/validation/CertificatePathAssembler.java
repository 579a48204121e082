package io.github.mtls.spring.validation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Orders a presented chain into a certification path for PKIX: from the leaf, each next
 * certificate is the one whose subject is the previous one's issuer, taken from the
 * presented certificates or the configured intermediates, until the issuer is a trust
 * anchor's subject. Anchors are never part of the path, and a certificate is used once at
 * most. Signatures are not checked here: PKIX checks the result.
 *
 * @author mtls-spring-boot
 */
final class CertificatePathAssembler {

	private CertificatePathAssembler() {
	}

	static List<X509Certificate> assemble(List<X509Certificate> presented, List<X509Certificate> intermediates,
			TrustAnchors anchors, int maxLength) {
		X509Certificate current = presented.get(0);
		List<X509Certificate> path = new ArrayList<>(Math.min(presented.size(), maxLength));
		path.add(current);
		while (path.size() < maxLength && !anchors.hasSubject(current.getIssuerX500Principal())) {
			X509Certificate next = issuerOf(current, presented, path, anchors);
			if (next == null) {
				next = issuerOf(current, intermediates, path, anchors);
			}
			if (next == null) {
				break;
			}
			path.add(next);
			current = next;
		}
		return path;
	}

	private static @Nullable X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> candidates,
			List<X509Certificate> path, TrustAnchors anchors) {
		for (X509Certificate candidate : candidates) {
			if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
					&& !path.contains(candidate) && !anchors.isAnchor(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
