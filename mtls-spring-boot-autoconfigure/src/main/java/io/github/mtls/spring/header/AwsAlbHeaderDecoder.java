package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decodes AWS Application Load Balancer's {@code X-Amzn-Mtls-Clientcert} (passthrough:
 * the whole chain) and {@code X-Amzn-Mtls-Clientcert-Leaf} (verify mode): URL-encoded PEM
 * in which {@code +}, {@code =} and {@code /} are left unencoded, so {@code +} must never
 * become a space.
 *
 * @author mtls-spring-boot
 */
public final class AwsAlbHeaderDecoder implements CertificateHeaderDecoder {

	@Override
	public DecodedHeader decode(String value) {
		String trimmed = value.strip();
		if (!trimmed.startsWith("-----BEGIN")) {
			return DecodedHeader.malformed();
		}
		@Nullable List<X509Certificate> certificates = Certificates.fromUrlEncodedPem(trimmed);
		return (certificates != null) ? DecodedHeader.of(HeaderFormat.AWS_ALB, certificates)
				: DecodedHeader.malformed();
	}

}
