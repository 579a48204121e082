package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.observability.RevocationSourceFailuresMetrics;
import io.github.mtls.spring.test.pki.IssuedCertificate;
import io.github.mtls.spring.validation.revocation.Bounded;
import io.github.mtls.spring.validation.revocation.MintedOcspResponder;
import io.github.mtls.spring.validation.revocation.OcspRevocationChecker;
import io.github.mtls.spring.validation.revocation.RevocationChecker;
import io.github.mtls.spring.validation.revocation.StalledServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real HTTPS with OCSP against responders that misbehave: one that never answers, and one
 * whose answers carry the times the test chooses. Each certificate names its own
 * responder (authority information access).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class RevocationFaultsHttpsTests {

	private static final String UNKNOWN = "{\"rsp_code\":\"40101\",\"rsp_msg\":\"client certificate revocation status is unknown\"}";

	private static final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private static final StalledServer stalled = new StalledServer();

	private static final MintedOcspResponder minted = new MintedOcspResponder(TestPki.clientCa.issued());

	private static final IssuedCertificate behindStalled = TestPki.clientCa.leaf("Example Fintech")
		.serialNumber("2208112345")
		.ocspResponder(stalled.uri().toString())
		.clientAuth()
		.issue();

	private static final IssuedCertificate alsoBehindStalled = TestPki.clientCa.leaf("Example Fintech")
		.serialNumber("2208112345")
		.ocspResponder(stalled.uri().toString())
		.clientAuth()
		.issue();

	private static final IssuedCertificate behindMinted = TestPki.clientCa.leaf("Example Fintech")
		.serialNumber("2208112345")
		.ocspResponder(minted.uri().toString())
		.clientAuth()
		.issue();

	@LocalServerPort
	int port;

	@Autowired
	RevocationChecker revocationChecker;

	@Autowired
	MeterRegistry meterRegistry;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("mtls.validation.revocation", () -> "ocsp");
		registry.add("mtls.validation.revocation-read-timeout", () -> "1s");
		registry.add("mtls.validation.ocsp-max-age", () -> "10m");
	}

	@BeforeEach
	void fixTheClock() {
		// The failure memory lasts seconds: a fixed clock keeps a slow machine inside it.
		((OcspRevocationChecker) this.revocationChecker).setClock(Clock.fixed(now, ZoneOffset.UTC));
	}

	@AfterAll
	static void stopResponders() {
		stalled.close();
		minted.close();
	}

	@Test
	void getWhenResponderStalledThenEveryRequestRefusedAndTheResponderAskedOnce() {
		double skippedBefore = skipped();
		List<HttpResponse<String>> responses = Bounded.within(Duration.ofSeconds(30), () -> {
			List<HttpResponse<String>> all = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				all.add(get(behindStalled));
				all.add(get(alsoBehindStalled));
			}
			return all;
		});
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).isEqualTo(UNKNOWN);
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> stalled.accepted() >= 1);
		assertThat(stalled.accepted()).isOne();
		assertThat(skipped() - skippedBefore).isEqualTo(5);
	}

	@Test
	void getWhenGoodAnswerWithoutNextUpdateIsStaleThenRefusedAndWhenFreshThenOk() {
		Instant yearAgo = now.minus(Duration.ofDays(365));
		minted.answer(yearAgo, yearAgo, null);
		HttpResponse<String> stale = get(behindMinted);
		assertThat(stale.statusCode()).isEqualTo(401);
		assertThat(stale.body()).isEqualTo(UNKNOWN);
		Instant recent = now.minus(Duration.ofMinutes(1));
		minted.answer(recent, recent, null);
		assertThat(get(behindMinted).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenAnswerProducedInTheFutureThenRefused() {
		IssuedCertificate certificate = TestPki.clientCa.leaf("Example Fintech")
			.serialNumber("2208112345")
			.ocspResponder(minted.uri().toString())
			.clientAuth()
			.issue();
		Instant hourAhead = now.plus(Duration.ofHours(1));
		minted.answer(hourAhead, now, now.plus(Duration.ofHours(2)));
		HttpResponse<String> response = get(certificate);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(UNKNOWN);
	}

	private double skipped() {
		return this.meterRegistry.get(RevocationSourceFailuresMetrics.SKIPPED)
			.tag("source", "ocsp")
			.functionCounter()
			.count();
	}

	private HttpResponse<String> get(IssuedCertificate certificate) {
		return HttpsRequests.get(TestPki.client(certificate), this.port, "/whoami");
	}

}
