package io.github.mtls.spring.validation.revocation;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks revocation with CRLs: the certificate's CRL distribution points (http, https)
 * and configured locations (http, https, file). A CRL counts only when its issuer is the
 * certificate's issuer, the issuer's key verifies its signature and its next update has
 * not passed. CRLs are cached until their next update, and {@link #refresh()} (run in the
 * background by a {@link CrlRefresher}) fetches them again shortly before, so request
 * threads normally never wait for a download. A location whose fetch failed is left alone
 * for a few seconds (see {@link RevocationSourceFailures}), and concurrent fetches of one
 * location share one download.
 *
 * @author mtls-spring-boot
 */
public final class CrlRevocationChecker implements RevocationChecker {

	private static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(CrlRevocationChecker.class);

	private final RevocationFetcher fetcher;

	private final List<URI> configuredLocations;

	private final Map<URI, CachedCrl> crls = new ConcurrentHashMap<>();

	private final SingleFlight<URI, @Nullable CachedCrl> fetches = new SingleFlight<>();

	private RevocationSourceFailures failures = new RevocationSourceFailures();

	private Clock clock = Clock.systemUTC();

	/**
	 * Create a checker.
	 * @param fetcher downloads and reads CRLs
	 * @param configuredLocations the CRLs read besides the certificates' distribution
	 * points
	 */
	public CrlRevocationChecker(RevocationFetcher fetcher, List<URI> configuredLocations) {
		Assert.notNull(fetcher, "fetcher cannot be null");
		Assert.notNull(configuredLocations, "configuredLocations cannot be null");
		this.fetcher = fetcher;
		this.configuredLocations = List.copyOf(configuredLocations);
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
	 * Set the memory of failed locations, to share it with other checkers or count its
	 * lookups.
	 * @param failures the memory
	 */
	public void setSourceFailures(RevocationSourceFailures failures) {
		Assert.notNull(failures, "failures cannot be null");
		this.failures = failures;
	}

	/**
	 * Fetch the configured locations now, so that requests need not wait for them.
	 */
	public void fetchConfigured() {
		this.configuredLocations.forEach(this::fetch);
	}

	/**
	 * Fetch again every cached CRL whose next update is near or past.
	 */
	public void refresh() {
		Instant soon = this.clock.instant().plus(REFRESH_AHEAD);
		this.crls.forEach((location, cached) -> {
			if (cached.nextUpdate() == null || cached.nextUpdate().isBefore(soon)) {
				fetch(location);
			}
		});
	}

	@Override
	public RevocationStatus check(X509Certificate certificate, X509Certificate issuer) {
		List<URI> locations = new ArrayList<>(distributionPoints(certificate));
		this.configuredLocations.stream().filter((location) -> !locations.contains(location)).forEach(locations::add);
		if (locations.isEmpty()) {
			return RevocationStatus.unknown("no CRL location");
		}
		X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
		Instant now = this.clock.instant();
		String cause = "CRL unavailable";
		for (URI location : locations) {
			CachedCrl cached = current(location, now);
			if (cached == null) {
				continue;
			}
			if (!cached.crl().getIssuer().equals(issuerName)) {
				continue;
			}
			if (!cached.isSignedBy(issuer)) {
				cause = "CRL signature invalid";
				continue;
			}
			if (cached.nextUpdate() != null && cached.nextUpdate().isBefore(now)) {
				cause = "CRL expired";
				continue;
			}
			X509CRLEntryHolder entry = cached.crl().getRevokedCertificate(certificate.getSerialNumber());
			if (entry != null) {
				return RevocationStatus.revoked(reasonOf(entry));
			}
			return RevocationStatus.good(cached.nextUpdate());
		}
		return RevocationStatus.unknown(cause);
	}

	private @Nullable CachedCrl current(URI location, Instant now) {
		CachedCrl cached = this.crls.get(location);
		if (isCurrent(cached, now)) {
			return cached;
		}
		if (this.failures.failedRecently(RevocationSourceFailures.Kind.CRL, location, now)) {
			return cached;
		}
		CachedCrl fetched = this.fetches.call(location, () -> {
			// Another fetch may have finished between the checks above and this one.
			CachedCrl latest = this.crls.get(location);
			if (latest != cached && isCurrent(latest, this.clock.instant())) {
				return latest;
			}
			if (this.failures.failedRecently(RevocationSourceFailures.Kind.CRL, location, this.clock.instant())) {
				return null;
			}
			return download(location);
		});
		return (fetched != null) ? fetched : this.crls.get(location);
	}

	private static boolean isCurrent(@Nullable CachedCrl cached, Instant now) {
		return cached != null && (cached.nextUpdate() == null || now.isBefore(cached.nextUpdate()));
	}

	private @Nullable CachedCrl fetch(URI location) {
		return this.fetches.call(location, () -> download(location));
	}

	private @Nullable CachedCrl download(URI location) {
		try {
			X509CRLHolder crl = new X509CRLHolder(this.fetcher.get(location));
			Instant nextUpdate = (crl.getNextUpdate() != null) ? crl.getNextUpdate().toInstant() : null;
			CachedCrl cached = new CachedCrl(crl, nextUpdate, ConcurrentHashMap.newKeySet());
			this.crls.put(location, cached);
			this.failures.succeeded(RevocationSourceFailures.Kind.CRL, location, this.clock.instant(), nextUpdate);
			return cached;
		}
		catch (IOException | RuntimeException ex) {
			this.failures.failed(RevocationSourceFailures.Kind.CRL, location, this.clock.instant());
			if (logger.isDebugEnabled()) {
				logger.debug("CRL not fetched from " + location + ": " + ex.getClass().getSimpleName());
			}
			return null;
		}
	}

	private static String reasonOf(X509CRLEntryHolder entry) {
		Extensions extensions = entry.getExtensions();
		if (extensions != null) {
			CRLReason reason = CRLReason.getInstance(extensions.getExtensionParsedValue(Extension.reasonCode));
			if (reason != null) {
				return RevocationReasons.name(reason.getValue().intValue());
			}
		}
		return "unspecified";
	}

	static List<URI> distributionPoints(X509Certificate certificate) {
		List<URI> locations = new ArrayList<>();
		try {
			Extensions extensions = new JcaX509CertificateHolder(certificate).getExtensions();
			CRLDistPoint points = (extensions != null)
					? CRLDistPoint.getInstance(extensions.getExtensionParsedValue(Extension.cRLDistributionPoints))
					: null;
			if (points == null) {
				return locations;
			}
			for (DistributionPoint point : points.getDistributionPoints()) {
				DistributionPointName name = point.getDistributionPoint();
				if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
					continue;
				}
				for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
					if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
						URI uri = URI.create(general.getName().toString());
						if (RevocationFetcher.isSupported(uri, false)) {
							locations.add(uri);
						}
					}
				}
			}
		}
		catch (CertificateEncodingException | IllegalArgumentException ex) {
			// No usable distribution point.
		}
		return locations;
	}

	private record CachedCrl(X509CRLHolder crl, @Nullable Instant nextUpdate, Set<X509Certificate> verifiedIssuers) {

		boolean isSignedBy(X509Certificate issuer) {
			if (this.verifiedIssuers.contains(issuer)) {
				return true;
			}
			try {
				if (this.crl.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
					this.verifiedIssuers.add(issuer);
					return true;
				}
				return false;
			}
			catch (Exception ex) {
				return false;
			}
		}

	}

}
