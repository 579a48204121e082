package io.github.mtls.spring.validation;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.github.mtls.spring.test.pki.CertificateAuthority;

/**
 * A CA rollover for path-building tests: one root, two intermediates that share the
 * subject "Issuing CA" with different keys (the old one, then the new one), and
 * certificates minted with BouncyCastle where the test kit has no option (no authority
 * key identifier, a second certificate for an existing key).
 */
final class RolloverPki {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final CertificateAuthority root = CertificateAuthority.root("MyData Rollover Root");

	static final CertificateAuthority oldIssuing = root.intermediate("Issuing CA");

	static final CertificateAuthority newIssuing = root.intermediate("Issuing CA");

	private RolloverPki() {
	}

	/**
	 * A client certificate issued by the new intermediate that names its issuer by
	 * subject only, without an authority key identifier.
	 */
	static X509Certificate leafWithoutAuthorityKeyIdentifier(CertificateAuthority issuer) {
		Instant now = Instant.now();
		return mint(new X500Principal("CN=op without AKI"), generateKeyPair().getPublic(), issuer.certificate(),
				issuer.issued().privateKey(), false, false, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(30)));
	}

	/**
	 * Another CA certificate for the key of an existing authority, signed by
	 * {@code signer}: a renewal (same key, other validity) or a cross-certificate.
	 */
	static X509Certificate recertify(CertificateAuthority authority, CertificateAuthority signer, Instant notBefore,
			Instant notAfter) {
		return mint(authority.certificate().getSubjectX500Principal(), authority.certificate().getPublicKey(),
				signer.certificate(), signer.issued().privateKey(), true, true, notBefore, notAfter);
	}

	/**
	 * The path the JDK's {@code CertPathBuilder} builds over a
	 * {@code CollectionCertStore}: the reference behaviour.
	 */
	@SuppressWarnings("unchecked")
	static List<X509Certificate> referencePath(X509Certificate leaf, List<X509Certificate> intermediates,
			X509Certificate anchor) throws GeneralSecurityException {
		X509CertSelector target = new X509CertSelector();
		target.setCertificate(leaf);
		PKIXBuilderParameters parameters = new PKIXBuilderParameters(Set.of(new TrustAnchor(anchor, null)), target);
		parameters.setRevocationEnabled(false);
		List<X509Certificate> store = new ArrayList<>(intermediates);
		store.add(leaf);
		parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
		PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
			.build(parameters);
		return (List<X509Certificate>) result.getCertPath().getCertificates();
	}

	private static X509Certificate mint(X500Principal subject, PublicKey publicKey, X509Certificate issuer,
			PrivateKey issuerKey, boolean authority, boolean authorityKeyIdentifier, Instant notBefore,
			Instant notAfter) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.getSubjectX500Principal(),
					new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
					publicKey);
			JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
			if (authorityKeyIdentifier) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						utils.createAuthorityKeyIdentifier(issuer.getPublicKey()));
			}
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
			if (authority) {
				builder.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
			}
			else {
				builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
				builder.addExtension(Extension.extendedKeyUsage, false,
						new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
			}
			String algorithm = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Certificate could not be minted", ex);
		}
	}

	static KeyPair generateKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
