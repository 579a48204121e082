package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decodes percent-encoded certificates: nginx's {@code $ssl_client_escaped_cert}
 * (URL-encoded PEM, one certificate) and Traefik's {@code X-Forwarded-Tls-Client-Cert}
 * (the Base64 bodies of the chain's certificates, percent-encoded and separated by
 * commas). Percent-decoding keeps {@code +}; a bad escape is refused.
 *
 * @author mtls-spring-boot
 */
public final class UrlEncodedPemHeaderDecoder implements CertificateHeaderDecoder {

	@Override
	public DecodedHeader decode(String value) {
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			return DecodedHeader.malformed();
		}
		if (trimmed.startsWith("-----BEGIN")) {
			@Nullable List<X509Certificate> certificates = Certificates.fromUrlEncodedPem(trimmed);
			return (certificates != null) ? DecodedHeader.of(HeaderFormat.URL_ENCODED_PEM, certificates)
					: DecodedHeader.malformed();
		}
		// Traefik: escaped Base64 bodies, comma-separated (commas are never escaped).
		List<X509Certificate> certificates = new ArrayList<>();
		for (String body : trimmed.split(",", -1)) {
			String base64 = Certificates.percentDecode(body.strip());
			if (base64 == null || base64.isEmpty()
					|| !Certificates.add(certificates, Certificates.fromBase64(base64))) {
				return DecodedHeader.malformed();
			}
		}
		return DecodedHeader.of(HeaderFormat.URL_ENCODED_PEM, certificates);
	}

}
