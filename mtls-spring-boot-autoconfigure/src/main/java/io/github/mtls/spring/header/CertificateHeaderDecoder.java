package io.github.mtls.spring.header;

/**
 * Decodes the value of a forwarded client certificate header into certificates. A decoder
 * consumes all its input or refuses it: it never returns part of a value. It answers
 * every input with a {@link DecodedHeader} and never throws, because header values are
 * chosen by whoever sits behind the proxy and anything escaping the filter is a 500.
 *
 * @author mtls-spring-boot
 */
@FunctionalInterface
public interface CertificateHeaderDecoder {

	/**
	 * Decode one header value. Never throws, whatever the value holds.
	 * @param value the header value, as received
	 * @return the certificates it carries, leaf first, with the format it was read as;
	 * {@link DecodedHeader#none(HeaderFormat) none} when the value says there is no
	 * certificate (such as Apache's {@code (null)}); {@link DecodedHeader#malformed()}
	 * when the value cannot be decoded entirely
	 */
	DecodedHeader decode(String value);

}
