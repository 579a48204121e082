package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decodes one DER certificate in standard Base64, optionally in double quotes: HAProxy's
 * {@code %[ssl_c_der,base64]} (quoted when written as {@code "%[ssl_c_der,base64]"}).
 *
 * @author mtls-spring-boot
 */
public final class DerBase64HeaderDecoder implements CertificateHeaderDecoder {

	@Override
	public DecodedHeader decode(String value) {
		String base64 = value.strip();
		if (base64.length() >= 2 && base64.charAt(0) == '"' && base64.charAt(base64.length() - 1) == '"') {
			base64 = base64.substring(1, base64.length() - 1);
		}
		@Nullable X509Certificate certificate = base64.isEmpty() ? null : Certificates.fromBase64(base64);
		return (certificate != null) ? DecodedHeader.of(HeaderFormat.DER_BASE64, List.of(certificate))
				: DecodedHeader.malformed();
	}

}
