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
	public List<X509Certificate> decode(String value) {
		List<String[]> pairs = lastElement(value);
		@Nullable String cert = null;
		@Nullable String chain = null;
		@Nullable String hash = null;
		for (String[] pair : pairs) {
			String key = pair[0].toLowerCase(Locale.ROOT);
			if ("cert".equals(key)) {
				cert = single(cert, pair[1]);
			}
			else if ("chain".equals(key)) {
				chain = single(chain, pair[1]);
			}
			else if ("hash".equals(key)) {
				hash = single(hash, pair[1]);
			}
		}
		if (cert == null && chain == null) {
			// An element without the certificate cannot be re-validated.
			throw Certificates.malformed();
		}
		List<X509Certificate> certificates = (chain != null) ? Certificates.fromPem(Certificates.percentDecode(chain))
				: List.of();
		if (cert != null) {
			List<X509Certificate> leaf = Certificates.fromPem(Certificates.percentDecode(cert));
			if (leaf.size() != 1 || (!certificates.isEmpty() && !certificates.get(0).equals(leaf.get(0)))) {
				throw Certificates.malformed();
			}
			if (certificates.isEmpty()) {
				certificates = leaf;
			}
		}
		if (hash != null && !hash.equalsIgnoreCase(sha256(certificates.get(0)))) {
			throw Certificates.malformed();
		}
		return certificates;
	}

	private static String single(@Nullable String previous, String value) {
		if (previous != null) {
			throw Certificates.malformed();
		}
		return value;
	}

	/**
	 * Split the header into elements and pairs, honouring quotes, and return the pairs of
	 * the last element.
	 */
	private static List<String[]> lastElement(String value) {
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
						throw Certificates.malformed();
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
					throw Certificates.malformed();
				}
				quoted = true;
				wasQuoted = true;
			}
			else if (c == '=' && key == null) {
				key = token.toString().strip();
				if (key.isEmpty() || !isToken(key)) {
					throw Certificates.malformed();
				}
				token.setLength(0);
			}
			else if (c == ';' || c == ',') {
				addPair(pairs, key, token, wasQuoted);
				key = null;
				wasQuoted = false;
				if (c == ',') {
					pairs.clear();
				}
			}
			else {
				if (wasQuoted && !Certificates.isWhitespace(c)) {
					throw Certificates.malformed();
				}
				if (!wasQuoted) {
					token.append(c);
				}
			}
		}
		if (quoted) {
			throw Certificates.malformed();
		}
		addPair(pairs, key, token, wasQuoted);
		return pairs;
	}

	private static void addPair(List<String[]> pairs, @Nullable String key, StringBuilder token, boolean wasQuoted) {
		if (key == null) {
			throw Certificates.malformed();
		}
		String value = wasQuoted ? token.toString() : token.toString().strip();
		pairs.add(new String[] { key, value });
		token.setLength(0);
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

	private static String sha256(X509Certificate certificate) {
		try {
			return Sha256Fingerprint.of(certificate).value();
		}
		catch (IllegalArgumentException ex) {
			// no DER encoding
			throw Certificates.malformed();
		}
	}

}
