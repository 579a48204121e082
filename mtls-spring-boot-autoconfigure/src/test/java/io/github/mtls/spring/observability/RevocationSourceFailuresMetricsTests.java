package io.github.mtls.spring.observability;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.validation.revocation.OcspRevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationFetcher;
import io.github.mtls.spring.validation.revocation.RevocationSourceFailures;
import io.github.mtls.spring.validation.revocation.StalledServer;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationSourceFailuresMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RevocationSourceFailures failures = new RevocationSourceFailures();

	@Test
	void bindToRegistersOneCounterPerSourceKind() {
		new RevocationSourceFailuresMetrics(this.failures).bindTo(this.registry);
		assertThat(this.registry.get(RevocationSourceFailuresMetrics.SKIPPED).functionCounters()).hasSize(2);
		assertThat(skipped("ocsp")).isZero();
		assertThat(skipped("crl")).isZero();
	}

	@Test
	void countsLookupsAnsweredFromARememberedFailure() {
		new RevocationSourceFailuresMetrics(this.failures).bindTo(this.registry);
		URI closed;
		try (StalledServer server = new StalledServer()) {
			closed = server.uri();
		}
		OcspRevocationChecker checker = new OcspRevocationChecker(
				new RevocationFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2)), closed);
		checker.setSourceFailures(this.failures);
		CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");
		IssuedCertificate leaf = ca.leaf("op").clientAuth().issue();
		for (int i = 0; i < 3; i++) {
			checker.check(leaf.certificate(), ca.certificate());
		}
		assertThat(skipped("ocsp")).isEqualTo(2);
		assertThat(skipped("crl")).isZero();
	}

	private double skipped(String source) {
		return this.registry.get(RevocationSourceFailuresMetrics.SKIPPED)
			.tag("source", source)
			.functionCounter()
			.count();
	}

}
