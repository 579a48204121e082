package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

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
	public List<X509Certificate> decode(String value) {
		if (APACHE_NULL.equals(value.strip())) {
			return List.of();
		}
		return Certificates.fromPem(value);
	}

}
