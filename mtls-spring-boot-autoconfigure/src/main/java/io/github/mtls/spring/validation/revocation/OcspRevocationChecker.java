package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.net.URI;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks revocation with OCSP (RFC 6960): a BouncyCastle request with a nonce to the
 * certificate's responder (authority information access) or a configured one. The
 * response must be successful, answer for this certificate, echo the nonce when it
 * carries one, be current, and be signed by the issuer or by a responder certificate the
 * issuer signed that carries the OCSP-signing extended key usage. Good and revoked
 * answers are cached until their next update (a few minutes when none is given); anything
 * else is unknown and not cached.
 *
 * @author mtls-spring-boot
 */
public final class OcspRevocationChecker implements RevocationChecker {

	private static final Duration DEFAULT_FRESHNESS = Duration.ofMinutes(5);

	private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(OcspRevocationChecker.class);

	private final RevocationFetcher fetcher;

	private final @Nullable URI responderOverride;

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(10_000).build();

	private Clock clock = Clock.systemUTC();

	/**
	 * Create a checker.
	 * @param fetcher sends the requests
	 * @param responderOverride the responder to ask instead of the certificate's, or
	 * {@code null}
	 */
	public OcspRevocationChecker(RevocationFetcher fetcher, @Nullable URI responderOverride) {
		Assert.notNull(fetcher, "fetcher cannot be null");
		this.fetcher = fetcher;
		this.responderOverride = responderOverride;
	}

	/**
	 * Set the clock that tells the time.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@Override
	public RevocationStatus check(X509Certificate certificate, X509Certificate issuer) {
		String key = issuer.getSubjectX500Principal().getName() + "#" + certificate.getSerialNumber().toString(16);
		Instant now = this.clock.instant();
		Cached cached = this.cache.getIfPresent(key);
		if (cached != null && now.isBefore(cached.until())) {
			return cached.status();
		}
		URI responder = (this.responderOverride != null) ? this.responderOverride : responderOf(certificate);
		if (responder == null) {
			return RevocationStatus.unknown("no OCSP responder");
		}
		RevocationStatus status = ask(responder, certificate, issuer, now);
		if (status.state() != RevocationStatus.State.UNKNOWN) {
			Instant until = (status.nextUpdate() != null) ? status.nextUpdate() : now.plus(DEFAULT_FRESHNESS);
			this.cache.put(key, new Cached(status, until));
		}
		return status;
	}

	private RevocationStatus ask(URI responder, X509Certificate certificate, X509Certificate issuer, Instant now) {
		try {
			CertificateID id = new CertificateID(
					new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
					new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
			byte[] nonce = new byte[16];
			this.random.nextBytes(nonce);
			Extension nonceExtension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
					new DEROctetString(new DEROctetString(nonce)));
			byte[] request = new OCSPReqBuilder().addRequest(id)
				.setRequestExtensions(new Extensions(nonceExtension))
				.build()
				.getEncoded();
			OCSPResp response = new OCSPResp(this.fetcher.post(responder, "application/ocsp-request", request));
			if (response.getStatus() != OCSPResp.SUCCESSFUL
					|| !(response.getResponseObject() instanceof BasicOCSPResp basic)) {
				return RevocationStatus.unknown("OCSP response not successful");
			}
			Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (echoed != null && !echoed.getExtnValue().equals(nonceExtension.getExtnValue())) {
				return RevocationStatus.unknown("OCSP nonce mismatch");
			}
			if (!isSignedByIssuerOrDelegate(basic, issuer, now)) {
				return RevocationStatus.unknown("OCSP response signature invalid");
			}
			return statusOf(basic, id, now);
		}
		catch (IOException ex) {
			debug("OCSP responder unreachable or answered garbage", ex);
			return RevocationStatus.unknown("OCSP responder unreachable or answered garbage");
		}
		catch (Exception ex) {
			debug("OCSP response unusable", ex);
			return RevocationStatus.unknown("OCSP response unusable");
		}
	}

	private static RevocationStatus statusOf(BasicOCSPResp basic, CertificateID id, Instant now) {
		for (SingleResp single : basic.getResponses()) {
			if (!single.getCertID().equals(id)) {
				continue;
			}
			Instant thisUpdate = single.getThisUpdate().toInstant();
			Instant nextUpdate = (single.getNextUpdate() != null) ? single.getNextUpdate().toInstant() : null;
			if (thisUpdate.isAfter(now.plus(ALLOWED_SKEW)) || (nextUpdate != null && nextUpdate.isBefore(now))) {
				return RevocationStatus.unknown("OCSP response not current");
			}
			CertificateStatus status = single.getCertStatus();
			if (status == CertificateStatus.GOOD) {
				return RevocationStatus.good(nextUpdate);
			}
			if (status instanceof RevokedStatus revoked) {
				return RevocationStatus.revoked(revoked.hasRevocationReason()
						? RevocationReasons.name(revoked.getRevocationReason()) : "unspecified");
			}
			return RevocationStatus.unknown("OCSP responder does not know the certificate");
		}
		return RevocationStatus.unknown("OCSP response is for another certificate");
	}

	private static boolean isSignedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer, Instant now)
			throws Exception {
		if (verifies(basic, issuer.getPublicKey())) {
			return true;
		}
		X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
		for (X509CertificateHolder responder : basic.getCerts()) {
			if (responder.getIssuer().equals(issuerHolder.getSubject()) && responder.isValidOn(Date.from(now))
					&& responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))
					&& hasOcspSigning(responder)
					&& basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder))) {
				return true;
			}
		}
		return false;
	}

	private static boolean verifies(BasicOCSPResp basic, PublicKey key) {
		try {
			return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static boolean hasOcspSigning(X509CertificateHolder responder) {
		ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
		return usage != null && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
	}

	static @Nullable URI responderOf(X509Certificate certificate) {
		for (URI uri : accessLocations(certificate)) {
			if (RevocationFetcher.isSupported(uri, false)) {
				return uri;
			}
		}
		return null;
	}

	private static List<URI> accessLocations(X509Certificate certificate) {
		List<URI> locations = new ArrayList<>();
		try {
			Extensions extensions = new JcaX509CertificateHolder(certificate).getExtensions();
			AuthorityInformationAccess access = (extensions != null)
					? AuthorityInformationAccess.fromExtensions(extensions) : null;
			if (access == null) {
				return locations;
			}
			for (AccessDescription description : access.getAccessDescriptions()) {
				GeneralName name = description.getAccessLocation();
				if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
						&& name.getTagNo() == GeneralName.uniformResourceIdentifier) {
					locations.add(URI.create(name.getName().toString()));
				}
			}
		}
		catch (CertificateEncodingException | IllegalArgumentException ex) {
			// No usable location: the status is unknown.
		}
		return locations;
	}

	private static void debug(String message, Exception ex) {
		if (logger.isDebugEnabled()) {
			logger.debug(message + ": " + ex.getClass().getSimpleName());
		}
	}

	private record Cached(RevocationStatus status, Instant until) {

	}

}
