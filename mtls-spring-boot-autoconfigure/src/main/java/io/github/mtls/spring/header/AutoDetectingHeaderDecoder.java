package io.github.mtls.spring.header;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tells the header formats apart by their first characters, which no two formats share,
 * and decodes with the matching decoder; a value that fits none, or more than one, is
 * refused.
 * <ul>
 * <li>{@code :} - RFC 9440 byte sequence(s)</li>
 * <li>{@code -----BEGIN} with a {@code %} escape - URL-encoded PEM (nginx, AWS ALB: a PEM
 * body never holds {@code %}, an encoded one always does, for its line breaks)</li>
 * <li>{@code -----BEGIN} without - PEM (Apache, nginx legacy); {@code (null)} - none</li>
 * <li>a known XFCC key ({@code By}, {@code Hash}, {@code Cert}, {@code Chain},
 * {@code Subject}, {@code URI}, {@code DNS}, {@code Issuer}) and {@code =} - XFCC</li>
 * <li>Base64 only, optionally quoted - DER in Base64 (HAProxy)</li>
 * <li>Base64 and {@code %} escapes or commas - Traefik's escaped bodies</li>
 * </ul>
 *
 * @author mtls-spring-boot
 */
public final class AutoDetectingHeaderDecoder implements CertificateHeaderDecoder {

	private static final Set<String> XFCC_KEYS = Set.of("by", "hash", "cert", "chain", "subject", "uri", "dns",
			"issuer");

	private final Rfc9440HeaderDecoder rfc9440 = new Rfc9440HeaderDecoder();

	private final UrlEncodedPemHeaderDecoder urlEncodedPem = new UrlEncodedPemHeaderDecoder();

	private final PemHeaderDecoder pem = new PemHeaderDecoder();

	private final XfccHeaderDecoder xfcc = new XfccHeaderDecoder();

	private final DerBase64HeaderDecoder derBase64 = new DerBase64HeaderDecoder();

	@Override
	public DecodedHeader decode(String value) {
		@Nullable HeaderFormat format = detect(value);
		if (format == null) {
			return DecodedHeader.malformed();
		}
		switch (format) {
			case RFC9440:
				return this.rfc9440.decode(value);
			case URL_ENCODED_PEM:
				return this.urlEncodedPem.decode(value);
			case PEM:
				return this.pem.decode(value);
			case XFCC:
				return this.xfcc.decode(value);
			default:
				return this.derBase64.decode(value);
		}
	}

	/**
	 * Detect the format of a header value.
	 * @param value the value
	 * @return the format, or {@code null} when the value fits none
	 */
	public static @Nullable HeaderFormat detect(String value) {
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			return null;
		}
		if (trimmed.charAt(0) == ':') {
			return HeaderFormat.RFC9440;
		}
		if (trimmed.startsWith("-----BEGIN")) {
			return (trimmed.indexOf('%') >= 0) ? HeaderFormat.URL_ENCODED_PEM : HeaderFormat.PEM;
		}
		if (PemHeaderDecoder.APACHE_NULL.equals(trimmed)) {
			return HeaderFormat.PEM;
		}
		int equals = trimmed.indexOf('=');
		if (equals > 0 && XFCC_KEYS.contains(trimmed.substring(0, equals).toLowerCase(Locale.ROOT))
				&& equals < trimmed.length() - 2) {
			return HeaderFormat.XFCC;
		}
		return base64Format(trimmed);
	}

	private static @Nullable HeaderFormat base64Format(String value) {
		String body = value;
		boolean quoted = body.length() >= 2 && body.charAt(0) == '"' && body.charAt(body.length() - 1) == '"';
		if (quoted) {
			body = body.substring(1, body.length() - 1);
		}
		boolean escaped = false;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '%' || c == ',' || c == ' ') {
				escaped = true;
			}
			else if (!Certificates.isBase64(c)) {
				return null;
			}
		}
		if (escaped) {
			return quoted ? null : HeaderFormat.URL_ENCODED_PEM;
		}
		return HeaderFormat.DER_BASE64;
	}

}
