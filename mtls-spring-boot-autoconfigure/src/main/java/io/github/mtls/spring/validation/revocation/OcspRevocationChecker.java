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
 * issuer signed that carries the OCSP-signing extended key usage. Its produced-at and
 * this-update may lie in the future by the clock skew at most; a good answer without a
 * next update counts for a maximum age after its this update. Good and revoked answers
 * are cached until their next update (a few minutes when none is given); anything else is
 * unknown and not cached.
 * <p>
 * A responder that gives no usable answer at all (unreachable, too slow, garbage, an
 * internal error or try-later) is not asked again for a few seconds (see
 * {@link RevocationSourceFailures}), and concurrent lookups of one certificate share one
 * request, so that a dead responder costs one timeout per few seconds, not one per
 * request.
 *
 * @author mtls-spring-boot
 */
public final class OcspRevocationChecker implements RevocationChecker {

	private static final Duration DEFAULT_FRESHNESS = Duration.ofMinutes(5);

	/**
	 * How long a good answer without a next update stays fresh after its this update,
	 * unless told otherwise.
	 */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

	/**
	 * How far in the future a response's produced-at or this-update may lie, unless told
	 * otherwise.
	 */
	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

	private static final RevocationStatus FAILED_RECENTLY = RevocationStatus
		.unknown("OCSP responder failed moments ago");

	private static final Log logger = LogFactory.getLog(OcspRevocationChecker.class);

	private final RevocationFetcher fetcher;

	private final @Nullable URI responderOverride;

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(10_000).build();

	private final SingleFlight<Flight, RevocationStatus> flights = new SingleFlight<>();

	private RevocationSourceFailures failures = new RevocationSourceFailures();

	private Duration maxAge = DEFAULT_MAX_AGE;

	private Duration clockSkew = DEFAULT_CLOCK_SKEW;

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

	/**
	 * Set how long a good answer without a next update is trusted after its this update.
	 * @param maxAge the age
	 */
	public void setMaxAge(Duration maxAge) {
		Assert.notNull(maxAge, "maxAge cannot be null");
		Assert.isTrue(!maxAge.isNegative(), "maxAge cannot be negative");
		this.maxAge = maxAge;
	}

	/**
	 * Set how far in the future a response's produced-at or this-update may lie before
	 * the response is refused.
	 * @param clockSkew the tolerance
	 */
	public void setClockSkew(Duration clockSkew) {
		Assert.notNull(clockSkew, "clockSkew cannot be null");
		Assert.isTrue(!clockSkew.isNegative(), "clockSkew cannot be negative");
		this.clockSkew = clockSkew;
	}

	/**
	 * Set the memory of failed responders, to share it with other checkers or count its
	 * lookups.
	 * @param failures the memory
	 */
	public void setSourceFailures(RevocationSourceFailures failures) {
		Assert.notNull(failures, "failures cannot be null");
		this.failures = failures;
	}

	@Override
	public RevocationStatus check(X509Certificate certificate, X509Certificate issuer) {
		String key = issuer.getSubjectX500Principal().getName() + "#" + certificate.getSerialNumber().toString(16);
		RevocationStatus cached = cached(key, this.clock.instant());
		if (cached != null) {
			return cached;
		}
		URI responder = (this.responderOverride != null) ? this.responderOverride : responderOf(certificate);
		if (responder == null) {
			return RevocationStatus.unknown("no OCSP responder");
		}
		if (this.failures.failedRecently(RevocationSourceFailures.Kind.OCSP, responder, this.clock.instant())) {
			return FAILED_RECENTLY;
		}
		return this.flights.call(new Flight(responder, key), () -> lookUp(responder, key, certificate, issuer));
	}

	private @Nullable RevocationStatus cached(String key, Instant now) {
		Cached cached = this.cache.getIfPresent(key);
		return (cached != null && now.isBefore(cached.until())) ? cached.status() : null;
	}

	private RevocationStatus lookUp(URI responder, String key, X509Certificate certificate, X509Certificate issuer) {
		// Another flight may have finished between the caller's checks and this one.
		Instant now = this.clock.instant();
		RevocationStatus cached = cached(key, now);
		if (cached != null) {
			return cached;
		}
		if (this.failures.failedRecently(RevocationSourceFailures.Kind.OCSP, responder, now)) {
			return FAILED_RECENTLY;
		}
		Answer answer = ask(responder, certificate, issuer, now);
		RevocationStatus status = answer.status();
		if (answer.responderFailed()) {
			this.failures.failed(RevocationSourceFailures.Kind.OCSP, responder, this.clock.instant());
		}
		else {
			this.failures.succeeded(RevocationSourceFailures.Kind.OCSP, responder, this.clock.instant(),
					status.nextUpdate());
		}
		if (status.state() != RevocationStatus.State.UNKNOWN) {
			Instant until = (status.nextUpdate() != null) ? status.nextUpdate() : now.plus(DEFAULT_FRESHNESS);
			this.cache.put(key, new Cached(status, until));
		}
		return status;
	}

	private Answer ask(URI responder, X509Certificate certificate, X509Certificate issuer, Instant now) {
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
				// internalError and tryLater are the responder's state; malformedRequest,
				// sigRequired and unauthorized concern this request.
				boolean responderFailed = response.getStatus() == OCSPResp.INTERNAL_ERROR
						|| response.getStatus() == OCSPResp.TRY_LATER;
				return new Answer(RevocationStatus.unknown("OCSP response not successful"), responderFailed);
			}
			Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
			if (echoed != null && !echoed.getExtnValue().equals(nonceExtension.getExtnValue())) {
				return Answer.of(RevocationStatus.unknown("OCSP nonce mismatch"));
			}
			if (!isSignedByIssuerOrDelegate(basic, issuer, now)) {
				return Answer.of(RevocationStatus.unknown("OCSP response signature invalid"));
			}
			if (basic.getProducedAt().toInstant().isAfter(now.plus(this.clockSkew))) {
				return Answer.of(RevocationStatus.unknown("OCSP response not current"));
			}
			return Answer.of(statusOf(basic, id, now));
		}
		catch (IOException ex) {
			debug("OCSP responder unreachable or answered garbage", ex);
			return new Answer(RevocationStatus.unknown("OCSP responder unreachable or answered garbage"), true);
		}
		catch (Exception ex) {
			debug("OCSP response unusable", ex);
			return Answer.of(RevocationStatus.unknown("OCSP response unusable"));
		}
	}

	private RevocationStatus statusOf(BasicOCSPResp basic, CertificateID id, Instant now) {
		for (SingleResp single : basic.getResponses()) {
			if (!single.getCertID().equals(id)) {
				continue;
			}
			Instant thisUpdate = single.getThisUpdate().toInstant();
			Instant nextUpdate = (single.getNextUpdate() != null) ? single.getNextUpdate().toInstant() : null;
			if (thisUpdate.isAfter(now.plus(this.clockSkew)) || (nextUpdate != null && nextUpdate.isBefore(now))) {
				return RevocationStatus.unknown("OCSP response not current");
			}
			CertificateStatus status = single.getCertStatus();
			if (status == CertificateStatus.GOOD) {
				if (nextUpdate != null) {
					return RevocationStatus.good(nextUpdate);
				}
				// No next update: the answer is as fresh as its this update, for max-age.
				Instant staleAt = thisUpdate.plus(this.maxAge);
				return now.isBefore(staleAt) ? RevocationStatus.good(staleAt)
						: RevocationStatus.unknown("OCSP response too old");
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

	private record Flight(URI responder, String key) {

	}

	/**
	 * A status, and whether it shows the responder itself failing (no answer, garbage, or
	 * an error or try-later answer) rather than this one response being unusable.
	 */
	private record Answer(RevocationStatus status, boolean responderFailed) {

		static Answer of(RevocationStatus status) {
			return new Answer(status, false);
		}

	}

}
