package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decodes PEM carried in a header as the proxies write it: Apache's
 * {@code %{SSL_CLIENT_CERT}s} with spaces for line breaks, nginx's legacy
 * {@code $ssl_client_cert} with tab-indented continuation lines, or plain PEM. One or
 * more {@code CERTIFICATE} blocks and nothing else; Apache's {@code (null)} (an empty
 * variable) means no certificate.
 *
 * @author mtls-spring-boot
 */
public final class PemHeaderDecoder implements CertificateHeaderDecoder {

	/**
	 * What {@code mod_headers} writes for an unset variable.
	 */
	static final String APACHE_NULL = "(null)";

	@Override
	public DecodedHeader decode(String value) {
		if (APACHE_NULL.equals(value.strip())) {
			return DecodedHeader.none(HeaderFormat.PEM);
		}
		@Nullable List<X509Certificate> certificates = Certificates.fromPem(value);
		return (certificates != null) ? DecodedHeader.of(HeaderFormat.PEM, certificates) : DecodedHeader.malformed();
	}

}
