package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;

/**
 * What a {@link CertificateHeaderDecoder} read from one header value: the certificates it
 * carries ({@link #of(HeaderFormat, List)}), none because the value says so, such as
 * Apache's {@code (null)} ({@link #none(HeaderFormat)}), or a refusal naming its
 * {@link MtlsReason} ({@link #malformed()}). Besides the certificates it names the
 * {@link HeaderFormat} the value was read as, so that a caller holding an auto-detecting
 * decoder can apply a format's own rules (RFC 9440's {@code Client-Cert} is one Byte
 * Sequence) without detecting the format a second time.
 * <p>
 * A value rather than an exception for a refusal, like the source's
 * {@code ClientCertificate}: a malformed header is expected input under attack (any
 * caller behind a trusted proxy can shape it), a result costs no stack trace and a caller
 * cannot forget it.
 *
 * @param certificates the certificates, leaf first; empty when the value carries none or
 * is refused
 * @param format the format the value was read as, or {@code null} when the decoder cannot
 * say (a refusal, or a decoder of its own format)
 * @param refusal why the value is refused, or {@code null}
 * @author mtls-spring-boot
 */
public record DecodedHeader(List<X509Certificate> certificates, @Nullable HeaderFormat format,
		@Nullable MtlsReason refusal) {

	/**
	 * Most certificates a forwarded chain may carry, whether in one header or in the
	 * client and chain headers together: leaf, intermediates and perhaps the root. A
	 * bound on the work a caller behind a proxy can ask for.
	 */
	public static final int MAX_CERTIFICATES = 10;

	private static final DecodedHeader MALFORMED = new DecodedHeader(List.of(), null, MtlsReason.MALFORMED_HEADER);

	public DecodedHeader {
		Assert.notNull(certificates, "certificates cannot be null");
		Assert.isTrue(refusal == null || certificates.isEmpty(), "a refusal carries no certificates");
		certificates = List.copyOf(certificates);
	}

	/**
	 * Return the outcome of a value that carries certificates.
	 * @param format the format the value was read as, or {@code null} when the decoder
	 * cannot say
	 * @param certificates the certificates, leaf first; an empty list is
	 * {@link #none(HeaderFormat)}
	 * @return the outcome
	 */
	public static DecodedHeader of(@Nullable HeaderFormat format, List<X509Certificate> certificates) {
		return new DecodedHeader(certificates, format, null);
	}

	/**
	 * Return the outcome of a value that says there is no certificate, such as Apache's
	 * {@code (null)}.
	 * @param format the format the value was read as, or {@code null} when the decoder
	 * cannot say
	 * @return the outcome
	 */
	public static DecodedHeader none(@Nullable HeaderFormat format) {
		return new DecodedHeader(List.of(), format, null);
	}

	/**
	 * Return the outcome of a value that cannot be decoded entirely; one shared instance,
	 * so that a flood of bad values allocates nothing for their refusals.
	 * @return the outcome, refused with {@link MtlsReason#MALFORMED_HEADER}
	 */
	public static DecodedHeader malformed() {
		return MALFORMED;
	}

	/**
	 * Whether the value is refused.
	 * @return {@code true} when there is a {@link #refusal()}
	 */
	public boolean isRefused() {
		return this.refusal != null;
	}

}
