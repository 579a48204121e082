package io.github.mtls.spring.test.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.jspecify.annotations.Nullable;

/**
 * Builds an end-entity certificate issued by a {@link CertificateAuthority}. By default
 * the certificate is valid from a day ago for a year, has key usage
 * {@code digitalSignature} and no extended key usage; call {@link #clientAuth()} or
 * {@link #serverAuth()} to add one.
 *
 * @author mtls-spring-boot
 */
public final class LeafCertificateBuilder {

	private final CertificateAuthority issuer;

	private final String commonName;

	private @Nullable String serialNumber;

	private String organization = "";

	private @Nullable X500Name subject;

	private Instant notBefore = Instant.now().minus(Duration.ofDays(1));

	private Instant notAfter = Instant.now().plus(Duration.ofDays(365));

	private @Nullable Integer keyUsage = KeyUsage.digitalSignature;

	private @Nullable List<KeyPurposeId> extendedKeyUsages;

	private final List<String> dnsNames = new ArrayList<>();

	private final List<String> ipAddresses = new ArrayList<>();

	private final List<String> policies = new ArrayList<>();

	private @Nullable String crlDistributionPoint;

	private @Nullable String ocspResponder;

	private boolean authority;

	private final List<Extension> rawExtensions = new ArrayList<>();

	LeafCertificateBuilder(CertificateAuthority issuer, String commonName) {
		this.issuer = issuer;
		this.commonName = commonName;
	}

	/**
	 * Add a SERIALNUMBER (OID 2.5.4.5) attribute to the subject, as MyData EV
	 * certificates carry the business registration number.
	 * @param serialNumber the value
	 * @return this builder
	 */
	public LeafCertificateBuilder serialNumber(String serialNumber) {
		this.serialNumber = serialNumber;
		return this;
	}

	/**
	 * Add an O attribute to the subject.
	 * @param organization the organization name
	 * @return this builder
	 */
	public LeafCertificateBuilder organization(String organization) {
		this.organization = organization;
		return this;
	}

	/**
	 * Use this subject as it is, instead of one built from CN, O and SERIALNUMBER.
	 * @param subject the subject name
	 * @return this builder
	 */
	public LeafCertificateBuilder subject(X500Name subject) {
		this.subject = subject;
		return this;
	}

	/**
	 * Set the validity period.
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 * @return this builder
	 */
	public LeafCertificateBuilder validity(Instant notBefore, Instant notAfter) {
		this.notBefore = notBefore;
		this.notAfter = notAfter;
		return this;
	}

	/**
	 * Add the TLS client authentication extended key usage.
	 * @return this builder
	 */
	public LeafCertificateBuilder clientAuth() {
		return extendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
	}

	/**
	 * Add the TLS server authentication extended key usage.
	 * @return this builder
	 */
	public LeafCertificateBuilder serverAuth() {
		return extendedKeyUsage(KeyPurposeId.id_kp_serverAuth);
	}

	/**
	 * Add both TLS client and server authentication extended key usages, as a WAF or
	 * reverse proxy's own certificate carries when it both serves clients and calls the
	 * application over mutual TLS.
	 * @return this builder
	 */
	public LeafCertificateBuilder proxy() {
		return extendedKeyUsage(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth);
	}

	/**
	 * Add extended key usages.
	 * @param usages the usages to add
	 * @return this builder
	 */
	public LeafCertificateBuilder extendedKeyUsage(KeyPurposeId... usages) {
		if (this.extendedKeyUsages == null) {
			this.extendedKeyUsages = new ArrayList<>();
		}
		this.extendedKeyUsages.addAll(Arrays.asList(usages));
		return this;
	}

	/**
	 * Set the key usage bits ({@link KeyUsage} constants), or {@code null} to leave the
	 * extension out.
	 * @param keyUsage the bits
	 * @return this builder
	 */
	public LeafCertificateBuilder keyUsage(@Nullable Integer keyUsage) {
		this.keyUsage = keyUsage;
		return this;
	}

	/**
	 * Add DNS subject alternative names.
	 * @param names the names
	 * @return this builder
	 */
	public LeafCertificateBuilder dnsNames(String... names) {
		this.dnsNames.addAll(Arrays.asList(names));
		return this;
	}

	/**
	 * Add IP subject alternative names.
	 * @param addresses the addresses
	 * @return this builder
	 */
	public LeafCertificateBuilder ipAddresses(String... addresses) {
		this.ipAddresses.addAll(Arrays.asList(addresses));
		return this;
	}

	/**
	 * Add certificate policy OIDs.
	 * @param oids the policy OIDs
	 * @return this builder
	 */
	public LeafCertificateBuilder policies(String... oids) {
		this.policies.addAll(Arrays.asList(oids));
		return this;
	}

	/**
	 * Set the CRL distribution point URL.
	 * @param url the URL
	 * @return this builder
	 */
	public LeafCertificateBuilder crlDistributionPoint(String url) {
		this.crlDistributionPoint = url;
		return this;
	}

	/**
	 * Set the OCSP responder URL of the authority information access extension.
	 * @param url the URL
	 * @return this builder
	 */
	public LeafCertificateBuilder ocspResponder(String url) {
		this.ocspResponder = url;
		return this;
	}

	/**
	 * Mark the certificate a CA ({@code cA: TRUE} in its basic constraints), as a
	 * misissued end-entity certificate would be.
	 * @return this builder
	 */
	public LeafCertificateBuilder authority() {
		this.authority = true;
		return this;
	}

	/**
	 * Add an extension with the given value octets, encoded or not as the caller likes
	 * (for malformed extensions). A raw basic constraints extension replaces the standard
	 * one; combine with {@code keyUsage(null)} to replace the key usage extension.
	 * @param oid the extension OID
	 * @param critical whether the extension is critical
	 * @param value the extension's value octets
	 * @return this builder
	 */
	public LeafCertificateBuilder rawExtension(String oid, boolean critical, byte[] value) {
		this.rawExtensions.add(new Extension(new ASN1ObjectIdentifier(oid), critical, value.clone()));
		return this;
	}

	/**
	 * Issue the certificate.
	 * @return the certificate with its key and chain (leaf first, root last)
	 */
	public IssuedCertificate issue() {
		KeyPair keyPair = KeyPairs.generate();
		CertificateSpec spec = new CertificateSpec(subjectName(), this.notBefore, this.notAfter, this.authority, null,
				this.keyUsage, (this.extendedKeyUsages != null) ? List.copyOf(this.extendedKeyUsages) : null,
				List.copyOf(this.dnsNames), List.copyOf(this.ipAddresses), List.copyOf(this.policies),
				this.crlDistributionPoint, this.ocspResponder, List.copyOf(this.rawExtensions));
		IssuedCertificate authority = this.issuer.issued();
		X509Certificate certificate = CertificateSigner.sign(spec, keyPair.getPublic(), this.issuer.subjectName(),
				authority.privateKey(), authority.certificate());
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(certificate);
		chain.addAll(authority.chain());
		return new IssuedCertificate(certificate, keyPair.getPrivate(), chain);
	}

	private X500Name subjectName() {
		if (this.subject != null) {
			return this.subject;
		}
		X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "KR");
		if (!this.organization.isEmpty()) {
			builder.addRDN(BCStyle.O, this.organization);
		}
		builder.addRDN(BCStyle.CN, this.commonName);
		if (this.serialNumber != null) {
			builder.addRDN(BCStyle.SERIALNUMBER, this.serialNumber);
		}
		return builder.build();
	}

}
