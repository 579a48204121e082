package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

import io.github.mtls.spring.error.MtlsAuthenticationException;

/**
 * Decodes the value of a forwarded client certificate header into certificates. A decoder
 * consumes all its input or fails: it never returns part of a value, and it fails only
 * with {@link MtlsAuthenticationException}.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface CertificateHeaderDecoder {

	/**
	 * Decode one header value.
	 * @param value the header value, as received
	 * @return the certificates it carries, leaf first; empty when the value says there is
	 * no certificate (such as Apache's {@code (null)})
	 * @throws MtlsAuthenticationException with reason {@code MALFORMED_HEADER} when the
	 * value cannot be decoded entirely
	 */
	List<X509Certificate> decode(String value) throws MtlsAuthenticationException;

}
