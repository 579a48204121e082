package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes RFC 9440 {@code Client-Cert} and {@code Client-Cert-Chain} values: an RFC 8941
 * Byte Sequence ({@code :base64(DER):}) or a List of them, members separated by a comma
 * and optional spaces. Base64 is decoded strictly (no line breaks, no lenience).
 *
 * @author mtls-spring-boot
 */
public final class Rfc9440HeaderDecoder implements CertificateHeaderDecoder {

	@Override
	public DecodedHeader decode(String value) {
		String list = trimSpaces(value);
		if (list.isEmpty()) {
			return DecodedHeader.malformed();
		}
		List<X509Certificate> certificates = new ArrayList<>();
		int position = 0;
		while (true) {
			if (list.charAt(position) != ':') {
				return DecodedHeader.malformed();
			}
			int end = list.indexOf(':', position + 1);
			if (end < 0
					|| !Certificates.add(certificates, Certificates.fromBase64(list.substring(position + 1, end)))) {
				return DecodedHeader.malformed();
			}
			position = end + 1;
			if (position == list.length()) {
				return DecodedHeader.of(HeaderFormat.RFC9440, certificates);
			}
			// RFC 8941 list: OWS "," OWS between members.
			while (position < list.length() && isOws(list.charAt(position))) {
				position++;
			}
			if (position == list.length() || list.charAt(position) != ',') {
				return DecodedHeader.malformed();
			}
			position++;
			while (position < list.length() && isOws(list.charAt(position))) {
				position++;
			}
			if (position == list.length()) {
				return DecodedHeader.malformed();
			}
		}
	}

	private static boolean isOws(char c) {
		return c == ' ' || c == '\t';
	}

	private static String trimSpaces(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isOws(value.charAt(start))) {
			start++;
		}
		while (end > start && isOws(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

}
