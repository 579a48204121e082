package io.github.mtls.spring.mydata;

import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DERUniversalString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.test.pki.CertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class SerialNumberExtractorTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("Test CA");

	private final SerialNumberExtractor extractor = new SerialNumberExtractor();

	@Test
	void extractWhenPlainSerialNumberThenReturnsIt() {
		assertThat(extract(subject().addRDN(BCStyle.SERIALNUMBER, "2208112345")).serialNumber())
			.isEqualTo(new SerialNumber("2208112345"));
	}

	@Test
	void extractWhenHyphenatedThenNormalises() {
		assertThat(extract(subject().addRDN(BCStyle.SERIALNUMBER, "220-81-12345")).serialNumber())
			.isEqualTo(new SerialNumber("2208112345"));
	}

	@Test
	void extractWhenLettersThenUpperCases() {
		assertThat(extract(subject().addRDN(BCStyle.SERIALNUMBER, "ab-1234")).serialNumber())
			.isEqualTo(new SerialNumber("AB1234"));
	}

	@Test
	void extractWhenUtf8StringThenReadsIt() {
		assertThat(extract(subject().addRDN(BCStyle.SERIALNUMBER, new DERUTF8String("1108112345"))).serialNumber())
			.isEqualTo(new SerialNumber("1108112345"));
	}

	@Test
	void extractWhenMissingThenFails() {
		assertFailure(subject(), MtlsReason.SERIAL_NUMBER_MISSING);
	}

	@Test
	void extractWhenTwoSerialNumberAttributesThenFails() {
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, "2208112345").addRDN(BCStyle.SERIALNUMBER, "9999999999"),
				MtlsReason.SERIAL_NUMBER_REPEATED);
	}

	@Test
	void extractWhenSameSerialNumberRepeatedThenFails() {
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, "2208112345").addRDN(BCStyle.SERIALNUMBER, "2208112345"),
				MtlsReason.SERIAL_NUMBER_REPEATED);
	}

	@Test
	void extractWhenMultiValuedRdnThenFindsSerialNumber() {
		X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KR")
			.addMultiValuedRDN(new AttributeTypeAndValue[] {
					new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("Example Fintech")),
					new AttributeTypeAndValue(BCStyle.SERIALNUMBER, new DERPrintableString("2208112345")) });
		assertThat(extract(builder).serialNumber()).isEqualTo(new SerialNumber("2208112345"));
	}

	@Test
	void extractWhenMultiValuedRdnHoldsTwoSerialNumbersThenFails() {
		X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addMultiValuedRDN(new AttributeTypeAndValue[] {
				new AttributeTypeAndValue(BCStyle.SERIALNUMBER, new DERPrintableString("1111111111")),
				new AttributeTypeAndValue(BCStyle.SERIALNUMBER, new DERPrintableString("2208112345")) });
		assertFailure(builder, MtlsReason.SERIAL_NUMBER_REPEATED);
	}

	@Test
	void extractWhenCommonNameInjectsSerialNumberThenIgnoresIt() {
		assertFailure(new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "evil, SERIALNUMBER=2208112345"),
				MtlsReason.SERIAL_NUMBER_MISSING);
	}

	@Test
	void extractWhenOrganizationInjectsSerialNumberThenIgnoresIt() {
		assertFailure(subject().addRDN(BCStyle.O, "SERIALNUMBER=2208112345"), MtlsReason.SERIAL_NUMBER_MISSING);
	}

	@Test
	void extractWhenCommonNameInjectsAndRealSerialNumberDiffersThenReturnsTheRealOne() {
		X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "x+SERIALNUMBER=2208112345")
			.addRDN(BCStyle.SERIALNUMBER, "1234567890");
		assertThat(extract(builder).serialNumber()).isEqualTo(new SerialNumber("1234567890"));
	}

	@Test
	void extractWhenNonDigitPunctuationThenFails() {
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, "2208112345;"), MtlsReason.SERIAL_NUMBER_MALFORMED);
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, "220 8112345"), MtlsReason.SERIAL_NUMBER_MALFORMED);
	}

	@Test
	void extractWhenSurroundedBySpacesThenTrimsThem() {
		assertThat(extract(subject().addRDN(BCStyle.SERIALNUMBER, new DERUTF8String("  2208112345 "))).serialNumber())
			.isEqualTo(new SerialNumber("2208112345"));
	}

	@Test
	void extractWhenControlCharacterAtAnEndThenFails() {
		for (String value : new String[] { "2208112345\u0000", "\u00002208112345", "2208112345\t", "\n2208112345",
				"2208112345\r\n", "2208112345\u000b", "2208112345 \u0000 " }) {
			assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, new DERUTF8String(value)),
					MtlsReason.SERIAL_NUMBER_MALFORMED);
		}
	}

	@Test
	void extractWhenFullWidthDigitsThenFails() {
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, new DERUTF8String("２２０８１１２３４５")),
				MtlsReason.SERIAL_NUMBER_MALFORMED);
	}

	@Test
	void extractWhenLongerThanTwentyCharactersThenFails() {
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, "123456789012345678901"),
				MtlsReason.SERIAL_NUMBER_MALFORMED);
	}

	@Test
	void extractWhenOnlyHyphensThenFails() {
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, "---"), MtlsReason.SERIAL_NUMBER_MALFORMED);
	}

	@Test
	void extractWhenValueIsNotAStringThenFails() {
		ASN1Encodable integer = new ASN1Integer(2208112345L);
		assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, integer), MtlsReason.SERIAL_NUMBER_MALFORMED);
	}

	@Test
	void extractWhenUtf8StringIsNotValidUtf8ThenFails() throws Exception {
		for (byte[] content : new byte[][] { { (byte) 0xFF, (byte) 0xFE, '2', '2', '0', '8', (byte) 0x80 },
				{ (byte) 0xC0, (byte) 0xB2, '2', '0', '8' }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80, '2', '2' } }) {
			byte[] encoded = new byte[content.length + 2];
			encoded[0] = 0x0C;
			encoded[1] = (byte) content.length;
			System.arraycopy(content, 0, encoded, 2, content.length);
			ASN1Encodable invalid = ASN1Primitive.fromByteArray(encoded);
			assertFailure(subject().addRDN(BCStyle.SERIALNUMBER, invalid), MtlsReason.SERIAL_NUMBER_MALFORMED);
		}
	}

	@Test
	void extractWhenUniversalStringThenReadsIt() {
		byte[] utf32 = "2208112345".getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
		assertThat(extract(subject().addRDN(BCStyle.SERIALNUMBER, new DERUniversalString(utf32))).serialNumber())
			.isEqualTo(new SerialNumber("2208112345"));
	}

	private static X500NameBuilder subject() {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KR").addRDN(BCStyle.CN, "Example Fintech");
	}

	private SerialNumberExtractor.Extraction extract(X500NameBuilder subject) {
		X500Name name = subject.build();
		X509Certificate certificate = ca.leaf("ignored").subject(name).clientAuth().issue().certificate();
		return this.extractor.extract(certificate);
	}

	private void assertFailure(X500NameBuilder subject, MtlsReason reason) {
		SerialNumberExtractor.Extraction extraction = extract(subject);
		assertThat(extraction.serialNumber()).isNull();
		assertThat(extraction.failure()).isEqualTo(reason);
	}

}
