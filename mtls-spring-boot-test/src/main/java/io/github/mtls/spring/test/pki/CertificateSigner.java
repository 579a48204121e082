package io.github.mtls.spring.test.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Signs a {@link CertificateSpec} with BouncyCastle's JCA builders over the JDK's
 * providers.
 *
 * @author mtls-spring-boot
 */
final class CertificateSigner {

	private static final SecureRandom RANDOM = new SecureRandom();

	private CertificateSigner() {
	}

	static X509Certificate sign(CertificateSpec spec, PublicKey publicKey, X500Name issuer, PrivateKey issuerKey,
			@Nullable X509Certificate issuerCertificate) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(spec.notBefore()),
					Date.from(spec.notAfter()), spec.subject(), publicKey);
			addExtensions(builder, spec, publicKey, issuerCertificate);
			String algorithm = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw new IllegalStateException("Certificate could not be signed", ex);
		}
	}

	private static void addExtensions(X509v3CertificateBuilder builder, CertificateSpec spec, PublicKey publicKey,
			@Nullable X509Certificate issuerCertificate) throws GeneralSecurityException, CertIOException {
		JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
		if (issuerCertificate != null) {
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					utils.createAuthorityKeyIdentifier(issuerCertificate));
		}
		// A raw extension replaces the standard one of its OID.
		boolean rawBasicConstraints = spec.rawExtensions()
			.stream()
			.anyMatch((extension) -> extension.getExtnId().equals(Extension.basicConstraints));
		if (!rawBasicConstraints) {
			BasicConstraints constraints = !spec.authority() ? new BasicConstraints(false) : (spec.pathLength() != null)
					? new BasicConstraints(spec.pathLength()) : new BasicConstraints(true);
			builder.addExtension(Extension.basicConstraints, true, constraints);
		}
		if (spec.keyUsage() != null) {
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
		}
		if (spec.extendedKeyUsages() != null) {
			builder.addExtension(Extension.extendedKeyUsage, false,
					new ExtendedKeyUsage(spec.extendedKeyUsages().toArray(KeyPurposeId[]::new)));
		}
		List<GeneralName> names = new ArrayList<>();
		spec.dnsNames().forEach((name) -> names.add(new GeneralName(GeneralName.dNSName, name)));
		spec.ipAddresses().forEach((address) -> names.add(new GeneralName(GeneralName.iPAddress, address)));
		if (!names.isEmpty()) {
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(names.toArray(GeneralName[]::new)));
		}
		if (!spec.policies().isEmpty()) {
			PolicyInformation[] policies = spec.policies()
				.stream()
				.map((oid) -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
				.toArray(PolicyInformation[]::new);
			builder.addExtension(Extension.certificatePolicies, false, new DERSequence(policies));
		}
		if (spec.crlDistributionPoint() != null) {
			GeneralNames uri = new GeneralNames(
					new GeneralName(GeneralName.uniformResourceIdentifier, spec.crlDistributionPoint()));
			DistributionPoint point = new DistributionPoint(new DistributionPointName(uri), null, null);
			builder.addExtension(Extension.cRLDistributionPoints, false,
					new CRLDistPoint(new DistributionPoint[] { point }));
		}
		if (spec.ocspResponder() != null) {
			AccessDescription ocsp = new AccessDescription(AccessDescription.id_ad_ocsp,
					new GeneralName(GeneralName.uniformResourceIdentifier, spec.ocspResponder()));
			builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(ocsp));
		}
		for (Extension extension : spec.rawExtensions()) {
			builder.addExtension(extension);
		}
	}

}
