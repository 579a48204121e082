package io.github.mtls.spring.test.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;

/**
 * A certificate authority that issues certificates for tests and development: a root, or
 * an intermediate below another authority.
 *
 * <pre class="code">
 * CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");
 * IssuedCertificate operator = ca.leaf("Example Fintech").serialNumber("2208112345").clientAuth().issue();
 * </pre>
 *
 * @author mtls-spring-boot
 */
public final class CertificateAuthority {

	private final IssuedCertificate issued;

	private final @Nullable CertificateAuthority parent;

	private CertificateAuthority(IssuedCertificate issued, @Nullable CertificateAuthority parent) {
		this.issued = issued;
		this.parent = parent;
	}

	/**
	 * Create a self-signed root authority valid for ten years.
	 * @param commonName the CN of the authority's subject
	 * @return the authority
	 */
	public static CertificateAuthority root(String commonName) {
		return root(name(commonName));
	}

	/**
	 * Create a self-signed root authority with the given subject, valid for ten years.
	 * @param subject the authority's subject
	 * @return the authority
	 */
	public static CertificateAuthority root(X500Name subject) {
		KeyPair keyPair = KeyPairs.generate();
		Instant now = Instant.now();
		CertificateSpec spec = CertificateSpec.authority(subject, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(3650)), null);
		X509Certificate certificate = CertificateSigner.sign(spec, keyPair.getPublic(), subject, keyPair.getPrivate(),
				null);
		return new CertificateAuthority(new IssuedCertificate(certificate, keyPair.getPrivate(), List.of(certificate)),
				null);
	}

	/**
	 * Create an intermediate authority signed by this one.
	 * @param commonName the CN of the intermediate's subject
	 * @return the intermediate authority
	 */
	public CertificateAuthority intermediate(String commonName) {
		return intermediate(commonName, null);
	}

	/**
	 * Create an intermediate authority signed by this one, with a path length constraint.
	 * @param commonName the CN of the intermediate's subject
	 * @param pathLength the basic constraints path length, or {@code null} for none
	 * @return the intermediate authority
	 */
	public CertificateAuthority intermediate(String commonName, @Nullable Integer pathLength) {
		KeyPair keyPair = KeyPairs.generate();
		X500Name subject = name(commonName);
		Instant now = Instant.now();
		CertificateSpec spec = CertificateSpec.authority(subject, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(1825)), pathLength);
		X509Certificate certificate = CertificateSigner.sign(spec, keyPair.getPublic(), subjectName(),
				this.issued.privateKey(), this.issued.certificate());
		List<X509Certificate> chain = new ArrayList<>();
		chain.add(certificate);
		chain.addAll(this.issued.chain());
		return new CertificateAuthority(new IssuedCertificate(certificate, keyPair.getPrivate(), chain), this);
	}

	/**
	 * Start building an end-entity certificate issued by this authority.
	 * @param commonName the CN of the certificate's subject
	 * @return a builder
	 */
	/**
	 * Use a certificate issued by this authority as an issuer in turn, whatever its
	 * extensions say (for misissued intermediates: no {@code keyCertSign}, say).
	 * @param issued a certificate this authority issued, with its key
	 * @return the authority that signs with it
	 */
	public CertificateAuthority issuerFrom(IssuedCertificate issued) {
		return new CertificateAuthority(issued, this);
	}

	public LeafCertificateBuilder leaf(String commonName) {
		return new LeafCertificateBuilder(this, commonName);
	}

	/**
	 * Return the authority's certificate.
	 * @return the certificate
	 */
	public X509Certificate certificate() {
		return this.issued.certificate();
	}

	/**
	 * Return the authority's certificate and key.
	 * @return the issued certificate of this authority
	 */
	public IssuedCertificate issued() {
		return this.issued;
	}

	/**
	 * Return the root of this authority's hierarchy.
	 * @return the root authority (this one for a root)
	 */
	public CertificateAuthority root() {
		return (this.parent != null) ? this.parent.root() : this;
	}

	X500Name subjectName() {
		return X500Name.getInstance(this.issued.certificate().getSubjectX500Principal().getEncoded());
	}

	/**
	 * Build a subject name holding only a CN.
	 * @param commonName the CN
	 * @return the name
	 */
	public static X500Name name(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
	}

}
