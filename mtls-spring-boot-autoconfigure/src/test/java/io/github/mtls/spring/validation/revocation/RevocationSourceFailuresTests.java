package io.github.mtls.spring.validation.revocation;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationSourceFailuresTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final RevocationSourceFailures failures = new RevocationSourceFailures();

	@Test
	void sourcesWhenFetchesFailThenCountsConsecutiveFailuresUntilASuccess() {
		URI responder = URI.create("http://ocsp.example");
		this.failures.failed(RevocationSourceFailures.Kind.OCSP, responder, NOW);
		this.failures.failed(RevocationSourceFailures.Kind.OCSP, responder, NOW.plusSeconds(20));
		assertThat(this.failures.sources()).singleElement().satisfies((state) -> {
			assertThat(state.available()).isFalse();
			assertThat(state.consecutiveFailures()).isEqualTo(2);
			assertThat(state.lastFetch()).isEqualTo(NOW.plusSeconds(20));
		});
		this.failures.succeeded(RevocationSourceFailures.Kind.OCSP, responder, NOW.plusSeconds(40),
				NOW.plusSeconds(3600));
		assertThat(this.failures.sources()).singleElement().satisfies((state) -> {
			assertThat(state.available()).isTrue();
			assertThat(state.consecutiveFailures()).isZero();
			assertThat(state.nextUpdate()).isEqualTo(NOW.plusSeconds(3600));
		});
		assertThat(this.failures.fetched(RevocationSourceFailures.Kind.OCSP)).isOne();
		assertThat(this.failures.fetchesFailed(RevocationSourceFailures.Kind.OCSP)).isEqualTo(2);
		assertThat(this.failures.fetched(RevocationSourceFailures.Kind.CRL)).isZero();
	}

	@Test
	void sourcesWhenManyLocationsThenBounded() {
		for (int i = 0; i < 1000; i++) {
			this.failures.failed(RevocationSourceFailures.Kind.CRL, URI.create("http://crl.example/" + i), NOW);
		}
		assertThat(this.failures.sources()).hasSize(256);
		assertThat(this.failures.fetchesFailed(RevocationSourceFailures.Kind.CRL)).isEqualTo(1000);
	}

}
