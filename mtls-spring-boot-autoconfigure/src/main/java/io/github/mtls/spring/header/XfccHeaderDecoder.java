package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.certificate.Sha256Fingerprint;

/**
 * Decodes Envoy's {@code x-forwarded-client-cert}: comma-separated elements, one per
 * proxy, each a {@code ;}-separated list of {@code key=value} pairs whose values may be
 * double-quoted (with {@code \"} escapes). Only the last element counts: it is the one
 * the proxy next to the service (the trusted one) added about its own client. Its
 * {@code Chain} (URL-encoded PEM, leaf first) or else its {@code Cert} (URL-encoded PEM)
 * is the certificate; a {@code Hash} (hex SHA-256 of the DER) must match it, and a
 * {@code Chain} must start with the {@code Cert}.
 *
 * @author mtls-spring-boot
 */
public final class XfccHeaderDecoder implements CertificateHeaderDecoder {

	@Override
	public DecodedHeader decode(String value) {
		@Nullable List<String[]> pairs = lastElement(value);
		if (pairs == null) {
			return DecodedHeader.malformed();
		}
		@Nullable String cert = null;
		@Nullable String chain = null;
		@Nullable String hash = null;
		for (String[] pair : pairs) {
			String key = pair[0].toLowerCase(Locale.ROOT);
			// Each of the three at most once: two would leave the choice to us.
			if ("cert".equals(key)) {
				if (cert != null) {
					return DecodedHeader.malformed();
				}
				cert = pair[1];
			}
			else if ("chain".equals(key)) {
				if (chain != null) {
					return DecodedHeader.malformed();
				}
				chain = pair[1];
			}
			else if ("hash".equals(key)) {
				if (hash != null) {
					return DecodedHeader.malformed();
				}
				hash = pair[1];
			}
		}
		@Nullable List<X509Certificate> certificates = certificates(cert, chain);
		if (certificates == null) {
			return DecodedHeader.malformed();
		}
		if (hash != null && !hash.equalsIgnoreCase(sha256(certificates.get(0)))) {
			return DecodedHeader.malformed();
		}
		return DecodedHeader.of(HeaderFormat.XFCC, certificates);
	}

	// The Chain, else the Cert; a Cert beside a Chain must be the Chain's first
	// certificate. Null when neither is there (an element without the certificate cannot
	// be re-validated) or either is refused.
	private static @Nullable List<X509Certificate> certificates(@Nullable String cert, @Nullable String chain) {
		if (cert == null && chain == null) {
			return null;
		}
		@Nullable List<X509Certificate> certificates = List.of();
		if (chain != null) {
			certificates = Certificates.fromUrlEncodedPem(chain);
			if (certificates == null) {
				return null;
			}
		}
		if (cert != null) {
			@Nullable List<X509Certificate> leaf = Certificates.fromUrlEncodedPem(cert);
			if (leaf == null || leaf.size() != 1
					|| (!certificates.isEmpty() && !certificates.get(0).equals(leaf.get(0)))) {
				return null;
			}
			if (certificates.isEmpty()) {
				certificates = leaf;
			}
		}
		return certificates;
	}

	// Split the header into elements and pairs, honouring quotes, and return the pairs of
	// the last element; null when the header is not well formed.
	private static @Nullable List<String[]> lastElement(String value) {
		List<String[]> pairs = new ArrayList<>();
		StringBuilder token = new StringBuilder();
		@Nullable String key = null;
		boolean quoted = false;
		boolean wasQuoted = false;
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (quoted) {
				if (c == '\\') {
					if (i + 1 >= length) {
						return null;
					}
					token.append(value.charAt(++i));
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					token.append(c);
				}
			}
			else if (c == '"') {
				if (key == null || token.length() > 0 || wasQuoted) {
					return null;
				}
				quoted = true;
				wasQuoted = true;
			}
			else if (c == '=' && key == null) {
				key = token.toString().strip();
				if (key.isEmpty() || !isToken(key)) {
					return null;
				}
				token.setLength(0);
			}
			else if (c == ';' || c == ',') {
				if (!addPair(pairs, key, token, wasQuoted)) {
					return null;
				}
				key = null;
				wasQuoted = false;
				if (c == ',') {
					pairs.clear();
				}
			}
			else {
				if (wasQuoted && !Certificates.isWhitespace(c)) {
					return null;
				}
				if (!wasQuoted) {
					token.append(c);
				}
			}
		}
		if (quoted || !addPair(pairs, key, token, wasQuoted)) {
			return null;
		}
		return pairs;
	}

	// False for a pair without '=', which refuses the header.
	private static boolean addPair(List<String[]> pairs, @Nullable String key, StringBuilder token, boolean wasQuoted) {
		if (key == null) {
			return false;
		}
		String value = wasQuoted ? token.toString() : token.toString().strip();
		pairs.add(new String[] { key, value });
		token.setLength(0);
		return true;
	}

	private static boolean isToken(String key) {
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	// Null, which no Hash matches, when the certificate has no DER encoding: not expected
	// of one Certificates.fromDer re-encoded, but a throw here would escape the filter.
	private static @Nullable String sha256(X509Certificate certificate) {
		try {
			return Sha256Fingerprint.of(certificate).value();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
