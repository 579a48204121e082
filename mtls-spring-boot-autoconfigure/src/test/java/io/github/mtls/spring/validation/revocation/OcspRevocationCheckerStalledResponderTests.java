package io.github.mtls.spring.validation.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A responder that accepts connections and never answers: it costs one timeout per
 * responder and retry period, not one per request.
 */
class OcspRevocationCheckerStalledResponderTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private static final Duration BOUND = Duration.ofSeconds(30);

	private final StalledServer responder = new StalledServer();

	private final RevocationFetcher fetcher = new RevocationFetcher(Duration.ofSeconds(2), Duration.ofMillis(500));

	private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

	private final RevocationSourceFailures failures = new RevocationSourceFailures();

	@AfterEach
	void stop() {
		this.responder.close();
	}

	@Test
	void checkWhenResponderStalledThenSequentialChecksConnectOnce() {
		OcspRevocationChecker checker = checker();
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		List<RevocationStatus> statuses = Bounded.within(BOUND, () -> {
			List<RevocationStatus> all = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				all.add(checker.check(leaf.certificate(), ca.certificate()));
			}
			return all;
		});
		assertThat(statuses).extracting(RevocationStatus::state).containsOnly(RevocationStatus.State.UNKNOWN);
		assertThat(statuses.get(0).reason()).isEqualTo("OCSP responder unreachable or answered garbage");
		assertThat(statuses.get(5).reason()).isEqualTo("OCSP responder failed moments ago");
		assertConnections(1);
		assertThat(this.failures.skipped(RevocationSourceFailures.Kind.OCSP)).isEqualTo(5);
	}

	@Test
	void checkWhenResponderStalledThenOtherCertificatesOfItAreNotAskedEither() {
		OcspRevocationChecker checker = checker();
		Bounded.within(BOUND, () -> {
			for (int i = 0; i < 4; i++) {
				IssuedCertificate leaf = ca.leaf("op " + i).clientAuth().issue();
				assertThat(checker.check(leaf.certificate(), ca.certificate()).state())
					.isEqualTo(RevocationStatus.State.UNKNOWN);
			}
		});
		assertConnections(1);
	}

	@Test
	void checkWhenResponderStalledThenConcurrentChecksShareOneConnection() throws Exception {
		OcspRevocationChecker checker = checker();
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<RevocationStatus>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return checker.check(leaf.certificate(), ca.certificate());
				}));
			}
			start.countDown();
			for (Future<RevocationStatus> result : results) {
				assertThat(assertThat(result).succeedsWithin(BOUND).actual().state())
					.isEqualTo(RevocationStatus.State.UNKNOWN);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertConnections(1);
	}

	@Test
	void checkWhenRetryPeriodOverThenAsksAgain() {
		OcspRevocationChecker checker = checker();
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		Bounded.within(BOUND, () -> checker.check(leaf.certificate(), ca.certificate()));
		assertConnections(1);
		checker.setClock(Clock.offset(this.clock, RevocationSourceFailures.DEFAULT_RETRY_AFTER.minusSeconds(1)));
		Bounded.within(BOUND, () -> checker.check(leaf.certificate(), ca.certificate()));
		assertConnections(1);
		checker.setClock(Clock.offset(this.clock, RevocationSourceFailures.DEFAULT_RETRY_AFTER.plusSeconds(1)));
		assertThat(Bounded.within(BOUND, () -> checker.check(leaf.certificate(), ca.certificate())).reason())
			.isEqualTo("OCSP responder unreachable or answered garbage");
		assertConnections(2);
	}

	private OcspRevocationChecker checker() {
		OcspRevocationChecker checker = new OcspRevocationChecker(this.fetcher, this.responder.uri());
		checker.setClock(this.clock);
		checker.setSourceFailures(this.failures);
		return checker;
	}

	private void assertConnections(int expected) {
		// The client has connected before its timeout ends; the acceptor thread may
		// count it a moment later.
		await().atMost(BOUND).until(() -> this.responder.accepted() >= expected);
		assertThat(this.responder.accepted()).isEqualTo(expected);
	}

}
