package io.github.mtls.spring.validation.revocation;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CrlRevocationCheckerTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private final CrlServer server = new CrlServer();

	private final RevocationFetcher fetcher = new RevocationFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2));

	private final Instant now = Instant.now();

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void checkWhenNotListedThenGoodUntilNextUpdate() {
		IssuedCertificate leaf = leaf();
		Instant nextUpdate = this.now.plus(Duration.ofHours(1));
		this.server.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, nextUpdate, Map.of(BigInteger.TEN, 1)));
		RevocationStatus status = checker().check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.GOOD);
		assertThat(status.nextUpdate()).isEqualTo(nextUpdate.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	@Test
	void checkWhenListedThenRevokedWithReason() {
		IssuedCertificate leaf = leaf();
		this.server.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofHours(1)),
				Map.of(leaf.certificate().getSerialNumber(), CRLReason.keyCompromise)));
		RevocationStatus status = checker().check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.REVOKED);
		assertThat(status.reason()).isEqualTo("keyCompromise");
	}

	@Test
	void checkWhenCrlExpiredThenUnknown() {
		this.server.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now.minus(Duration.ofDays(2)),
				this.now.minus(Duration.ofDays(1)), Map.of()));
		RevocationStatus status = checker().check(leaf().certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
		assertThat(status.reason()).isEqualTo("CRL expired");
	}

	@Test
	void checkWhenSignedByTheWrongKeyThenUnknown() {
		IssuedCertificate forger = CertificateAuthority.root("MyData Test CA").issued();
		IssuedCertificate leaf = leaf();
		this.server.serve(TestCrls.crl(ca.issued(), forger, this.now, this.now.plus(Duration.ofHours(1)), Map.of()));
		RevocationStatus status = checker().check(leaf.certificate(), ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
		assertThat(status.reason()).isEqualTo("CRL signature invalid");
	}

	@Test
	void checkWhenServerAnswersGarbageThenUnknown() {
		this.server.serve("not a CRL".getBytes());
		assertThat(checker().check(leaf().certificate(), ca.certificate()).state())
			.isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenServerDownThenUnknown() {
		IssuedCertificate leaf = leaf();
		this.server.close();
		assertThat(checker().check(leaf.certificate(), ca.certificate()).state())
			.isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenServerTooSlowThenUnknownAfterTheReadTimeout() {
		IssuedCertificate leaf = leaf();
		this.server
			.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofHours(1)), Map.of()));
		this.server.delay(3_000);
		RevocationFetcher impatient = new RevocationFetcher(Duration.ofSeconds(1), Duration.ofMillis(300));
		RevocationStatus status = new CrlRevocationChecker(impatient, List.of()).check(leaf.certificate(),
				ca.certificate());
		// the CRL is good and arrives after 3 s: only the read timeout makes it unknown
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenFetchFailedRecentlyThenDoesNotRetryOnEveryRequest() {
		IssuedCertificate leaf = leaf();
		this.server.serve("not a CRL".getBytes());
		CrlRevocationChecker checker = checker();
		checker.check(leaf.certificate(), ca.certificate());
		checker.check(leaf.certificate(), ca.certificate());
		assertThat(this.server.requests()).isOne();
		this.server
			.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofHours(1)), Map.of()));
		checker.setClock(Clock.offset(Clock.systemUTC(), RevocationSourceFailures.DEFAULT_RETRY_AFTER.plusSeconds(1)));
		assertThat(checker.check(leaf.certificate(), ca.certificate()).state()).isEqualTo(RevocationStatus.State.GOOD);
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@Test
	void checkWhenNoLocationThenUnknown() {
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		RevocationStatus status = new CrlRevocationChecker(this.fetcher, List.of()).check(leaf.certificate(),
				ca.certificate());
		assertThat(status.state()).isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenConfiguredFileThenReadsIt(@TempDir Path directory) throws Exception {
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		Path crl = directory.resolve("ca.crl");
		Files.write(crl, TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofHours(1)),
				Map.of(leaf.certificate().getSerialNumber(), CRLReason.superseded)));
		RevocationStatus status = new CrlRevocationChecker(this.fetcher, List.of(crl.toUri())).check(leaf.certificate(),
				ca.certificate());
		assertThat(status.reason()).isEqualTo("superseded");
	}

	@Test
	void checkWhenCrlOfAnotherIssuerThenIgnored(@TempDir Path directory) throws Exception {
		CertificateAuthority other = CertificateAuthority.root("Other CA");
		Path crl = directory.resolve("other.crl");
		Files.write(crl,
				TestCrls.crl(other.issued(), other.issued(), this.now, this.now.plus(Duration.ofHours(1)), Map.of()));
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		assertThat(
				new CrlRevocationChecker(this.fetcher, List.of(crl.toUri())).check(leaf.certificate(), ca.certificate())
					.state())
			.isEqualTo(RevocationStatus.State.UNKNOWN);
	}

	@Test
	void checkWhenCachedThenDoesNotFetchAgainUntilRefresh() {
		this.server
			.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofMinutes(3)), Map.of()));
		CrlRevocationChecker checker = checker();
		checker.check(leaf().certificate(), ca.certificate());
		checker.check(leaf().certificate(), ca.certificate());
		assertThat(this.server.requests()).isOne();
		// Next update within the refresh-ahead window: the background task fetches it
		// again.
		checker.refresh();
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@Test
	void fetchConfiguredFetchesTheConfiguredLocationsSoAChecksNeedsNoDownload() throws Exception {
		this.server
			.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofHours(1)), Map.of()));
		CrlRevocationChecker checker = new CrlRevocationChecker(this.fetcher, List.of(this.server.uri()));
		checker.fetchConfigured();
		assertThat(this.server.requests()).isOne();
		checker.check(ca.leaf("op").clientAuth().issue().certificate(), ca.certificate());
		assertThat(this.server.requests()).isOne();
	}

	@Test
	void checkWhenConcurrentWhileDownloadingThenOneDownload() throws Exception {
		IssuedCertificate leaf = leaf();
		this.server
			.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofHours(1)), Map.of()));
		// Slow enough that the threads overlap, well within the read timeout.
		this.server.delay(500);
		CrlRevocationChecker checker = checker();
		assertThat(concurrently(8, () -> checker.check(leaf.certificate(), ca.certificate())))
			.extracting(RevocationStatus::state)
			.containsOnly(RevocationStatus.State.GOOD);
		assertThat(this.server.requests()).isOne();
	}

	@Test
	void checkWhenLocationStalledThenConcurrentAndLaterChecksConnectOnce() throws Exception {
		try (StalledServer stalled = new StalledServer()) {
			CrlRevocationChecker checker = new CrlRevocationChecker(
					new RevocationFetcher(Duration.ofSeconds(2), Duration.ofMillis(500)), List.of(stalled.uri()));
			RevocationSourceFailures failures = new RevocationSourceFailures();
			checker.setSourceFailures(failures);
			checker.setClock(Clock.fixed(this.now, ZoneOffset.UTC));
			IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
			assertThat(concurrently(8, () -> checker.check(leaf.certificate(), ca.certificate())))
				.extracting(RevocationStatus::state)
				.containsOnly(RevocationStatus.State.UNKNOWN);
			assertThat(checker.check(leaf.certificate(), ca.certificate()).state())
				.isEqualTo(RevocationStatus.State.UNKNOWN);
			await().atMost(Duration.ofSeconds(30)).until(() -> stalled.accepted() >= 1);
			assertThat(stalled.accepted()).isOne();
			assertThat(failures.skipped(RevocationSourceFailures.Kind.CRL)).isPositive();
		}
	}

	private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(assertThat(future).succeedsWithin(Duration.ofSeconds(30)).actual());
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private IssuedCertificate leaf() {
		return ca.leaf("op").crlDistributionPoint(this.server.uri().toString()).clientAuth().issue();
	}

	private CrlRevocationChecker checker() {
		return new CrlRevocationChecker(this.fetcher, List.of());
	}

}
