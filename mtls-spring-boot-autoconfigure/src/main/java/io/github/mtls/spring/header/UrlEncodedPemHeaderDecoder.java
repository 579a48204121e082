package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes percent-encoded certificates: nginx's {@code $ssl_client_escaped_cert}
 * (URL-encoded PEM, one certificate) and Traefik's {@code X-Forwarded-Tls-Client-Cert}
 * (the Base64 bodies of the chain's certificates, percent-encoded and separated by
 * commas). Percent-decoding keeps {@code +}; a bad escape fails.
 *
 * @author mtls-spring-boot
 */
public final class UrlEncodedPemHeaderDecoder implements CertificateHeaderDecoder {

	@Override
	public List<X509Certificate> decode(String value) {
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			throw Certificates.malformed();
		}
		if (trimmed.startsWith("-----BEGIN")) {
			return Certificates.fromPem(Certificates.percentDecode(trimmed));
		}
		// Traefik: escaped Base64 bodies, comma-separated (commas are never escaped).
		List<X509Certificate> certificates = new ArrayList<>();
		for (String body : trimmed.split(",", -1)) {
			String base64 = Certificates.percentDecode(body.strip());
			if (base64.isEmpty()) {
				throw Certificates.malformed();
			}
			Certificates.add(certificates, Certificates.fromBase64(base64));
		}
		return certificates;
	}

}
