package io.github.mtls.spring.mydata;

import java.nio.charset.Charset;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Reads the SERIALNUMBER attribute (OID 2.5.4.5) from a certificate subject's ASN.1
 * structure with BouncyCastle. Never from a DN string: a CN or O whose text reads
 * {@code SERIALNUMBER=...} is just text, and the JDK prints the attribute as
 * {@code 2.5.4.5=#...} anyway.
 *
 * @author mtls-spring-boot
 */
public final class SerialNumberExtractor {

	private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

	/**
	 * Extract and normalise the subject's single SERIALNUMBER.
	 * @param certificate the certificate
	 * @return the outcome
	 */
	public Extraction extract(X509Certificate certificate) {
		X500Name subject;
		try {
			subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		}
		catch (RuntimeException ex) {
			return Extraction.failed(MtlsReason.SERIAL_NUMBER_MALFORMED);
		}
		ASN1Encodable found = null;
		int count = 0;
		for (RDN rdn : subject.getRDNs(BCStyle.SERIALNUMBER)) {
			// A multi-valued RDN holds other attributes too; getFirst() is whatever sorts
			// first.
			for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
				if (BCStyle.SERIALNUMBER.equals(attribute.getType())) {
					found = attribute.getValue();
					count++;
				}
			}
		}
		if (count == 0) {
			return Extraction.failed(MtlsReason.SERIAL_NUMBER_MISSING);
		}
		if (count > 1) {
			return Extraction.failed(MtlsReason.SERIAL_NUMBER_REPEATED);
		}
		if (!(found instanceof ASN1String text)) {
			return Extraction.failed(MtlsReason.SERIAL_NUMBER_MALFORMED);
		}
		String value = text(text);
		SerialNumber serialNumber = (value != null) ? SerialNumber.parse(value) : null;
		return (serialNumber != null) ? new Extraction(serialNumber, null)
				: Extraction.failed(MtlsReason.SERIAL_NUMBER_MALFORMED);
	}

	private static @Nullable String text(ASN1String value) {
		try {
			if (value instanceof ASN1UniversalString universal) {
				// BouncyCastle renders a UniversalString as '#' and hex; it is UTF-32BE
				return new String(universal.getOctets(), UTF_32BE);
			}
			// decoding is lazy: invalid UTF-8 in a UTF8String throws here
			return value.getString();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The outcome of an extraction: a serial number, or the reason there is none.
	 *
	 * @param serialNumber the normalised serial number, or {@code null} on failure
	 * @param failure the reason, or {@code null} on success
	 */
	public record Extraction(@Nullable SerialNumber serialNumber, @Nullable MtlsReason failure) {

		static Extraction failed(MtlsReason reason) {
			return new Extraction(null, reason);
		}

	}

}
