package io.github.mtls.spring.header;

import java.util.function.Supplier;

/**
 * The wire formats of forwarded client certificate headers.
 *
 * @author mtls-spring-boot
 */
public enum HeaderFormat {

	/** Detect the format of each value; see {@link AutoDetectingHeaderDecoder}. */
	AUTO(AutoDetectingHeaderDecoder::new),

	/** RFC 9440 {@code Client-Cert} / {@code Client-Cert-Chain} byte sequences. */
	RFC9440(Rfc9440HeaderDecoder::new),

	/** Envoy's {@code x-forwarded-client-cert}. */
	XFCC(XfccHeaderDecoder::new),

	/** URL-encoded PEM (nginx {@code $ssl_client_escaped_cert}, Traefik). */
	URL_ENCODED_PEM(UrlEncodedPemHeaderDecoder::new),

	/** PEM with spaces or tabs for line breaks (Apache, nginx legacy). */
	PEM(PemHeaderDecoder::new),

	/** Base64 of the DER certificate (HAProxy {@code ssl_c_der,base64}). */
	DER_BASE64(DerBase64HeaderDecoder::new),

	/** AWS ALB: URL-encoded PEM with {@code +} left unencoded. */
	AWS_ALB(AwsAlbHeaderDecoder::new);

	private final Supplier<CertificateHeaderDecoder> decoder;

	HeaderFormat(Supplier<CertificateHeaderDecoder> decoder) {
		this.decoder = decoder;
	}

	/**
	 * Create a decoder of this format.
	 * @return the decoder
	 */
	public CertificateHeaderDecoder decoder() {
		return this.decoder.get();
	}

}
