package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.observability.MtlsAuditListener;
import io.github.mtls.spring.observability.MtlsMetricsListener;
import io.github.mtls.spring.observability.ValidationMetrics;
import io.github.mtls.spring.security.MtlsAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operations over real HTTPS: the meters after a scripted series of accepted and refused
 * requests, Spring Security's success events, the bound on refusal audit lines under a
 * burst, and the {@code mtls} endpoint and health indicator as Actuator serves them.
 */
@SpringBootTest(classes = { TestApplication.class, OperationsHttpsTests.SuccessEvents.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsHttpsTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SuccessEvents successEvents;

	@Autowired
	MtlsAuditListener audit;

	private final HttpClient registered = TestPki.client(TestPki.registered);

	private final HttpClient unregistered = TestPki.client(TestPki.unregistered);

	private final HttpClient suspended = TestPki.client(TestPki.suspended);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, "management.endpoints.web.exposure.include=health,mtls",
				"management.endpoint.health.show-details=always", "mtls.access-rules[3].path=/actuator/**",
				"mtls.access-rules[3].scopes=card.list");
	}

	@Test
	void getWhenAcceptedAndRefusedThenMetersCountEach() {
		HttpClient bankOnly = TestPki.client(TestPki.bankOnly);
		double authenticated = counter(MtlsMetricsListener.AUTHENTICATED, "origin", "direct");
		double scopeMissing = counter(MtlsMetricsListener.REJECTED, "reason", MtlsReason.SCOPE_NOT_GRANTED.name());
		long validations = timed("hit") + timed("miss");
		int events = this.successEvents.tokens.size();
		for (int i = 0; i < 3; i++) {
			assertThat(HttpsRequests.get(this.registered, this.port, "/whoami").statusCode()).isEqualTo(200);
		}
		for (int i = 0; i < 2; i++) {
			assertThat(HttpsRequests.get(bankOnly, this.port, "/v2/card/cards").statusCode()).isEqualTo(401);
		}
		// Five authentications: three served, two refused by the access rules.
		assertThat(counter(MtlsMetricsListener.AUTHENTICATED, "origin", "direct")).isEqualTo(authenticated + 5);
		assertThat(timed("hit") + timed("miss")).isEqualTo(validations + 5);
		assertThat(timed("hit")).isPositive();
		assertThat(this.successEvents.tokens).hasSize(events + 5);
		assertThat(this.successEvents.tokens.get(events).getPrincipal().toString()).contains("A1AAER0000");
		// A refusal is counted after its response is written.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> counter(MtlsMetricsListener.REJECTED, "reason",
					MtlsReason.SCOPE_NOT_GRANTED.name()) >= scopeMissing + 2);
		assertThat(counter(MtlsMetricsListener.REJECTED, "reason", MtlsReason.SCOPE_NOT_GRANTED.name()))
			.isEqualTo(scopeMissing + 2);
	}

	@Test
	void getWhenBurstOfThousandRefusalsThenAuditLinesBounded(CapturedOutput output) {
		// A reason no other test here provokes, so no refusal of theirs logged late can
		// count.
		Instant second = Instant.parse("2030-01-01T00:00:00.100Z");
		this.audit.setClock(Clock.fixed(second, ZoneOffset.UTC));
		try {
			for (int i = 0; i < 1000; i++) {
				HttpsRequests.get(this.suspended, this.port, "/whoami");
			}
			this.audit.setClock(Clock.fixed(second.plusSeconds(1), ZoneOffset.UTC));
			HttpsRequests.get(this.suspended, this.port, "/whoami");
			// The audit line follows the response, so a refusal of the burst may still be
			// logged in the next second: wait for the summary the next second writes.
			await().atMost(Duration.ofSeconds(10)).until(() -> suppressed(output) > 0);
			long logged = lines(output, "mTLS request refused: reason=OPERATOR_SUSPENDED");
			// Two seconds of the clock: at most twice the bound, and every refusal either
			// logged or counted in the summary.
			assertThat(logged).isBetween(MtlsAuditListener.DEFAULT_LINES_PER_SECOND + 1L,
					2L * MtlsAuditListener.DEFAULT_LINES_PER_SECOND);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> lines(output, "mTLS request refused: reason=OPERATOR_SUSPENDED")
						+ suppressed(output) == 1001);
			assertThat(lines(output, "not logged")).isOne();
		}
		finally {
			this.audit.setClock(Clock.systemUTC());
		}
	}

	@Test
	void getMtlsEndpointThenDescribesWhatTheStarterBelieves() {
		HttpResponse<String> response = HttpsRequests.get(this.registered, this.port, "/actuator/mtls");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"trustAnchors\"")
			.contains(Sha256Fingerprint.of(TestPki.clientCa.certificate()).value())
			.contains("\"registry\"")
			.contains("\"validationCache\"")
			.contains("\"recentRefusals\"")
			.doesNotContain("BEGIN CERTIFICATE");
		HttpResponse<String> operator = HttpsRequests.get(this.registered, this.port, "/actuator/mtls/A1AAER0000");
		assertThat(operator.statusCode()).isEqualTo(200);
		assertThat(operator.body()).contains("\"orgCode\":\"A1AAER0000\"").contains("Example Fintech");
		assertThat(HttpsRequests.get(this.registered, this.port, "/actuator/mtls/Z9ZZZZ0000").statusCode())
			.isEqualTo(404);
		assertThat(HttpsRequests.get(this.unregistered, this.port, "/actuator/mtls").statusCode()).isEqualTo(401);
	}

	@Test
	void getMtlsHealthThenUpWithTheCertificates() {
		HttpResponse<String> response = HttpsRequests.get(this.registered, this.port, "/actuator/health/mtls");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"")
			.contains(Sha256Fingerprint.of(TestPki.server.certificate()).value())
			.contains(Sha256Fingerprint.of(TestPki.clientCa.certificate()).value())
			.doesNotContain("BEGIN CERTIFICATE");
	}

	private double counter(String name, String tag, String value) {
		return this.meters.get(name).tag(tag, value).tag("connector", "main").counter().count();
	}

	private long timed(String cache) {
		return this.meters.get(ValidationMetrics.DURATION).tag("cache", cache).timer().count();
	}

	private static long suppressed(CapturedOutput output) {
		Matcher matcher = Pattern.compile("reason=OPERATOR_SUSPENDED suppressed=(\\d+)").matcher(output.getOut());
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static long lines(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> line.contains(text)).count();
	}

	@Configuration(proxyBeanMethods = false)
	static class SuccessEvents {

		final List<MtlsAuthenticationToken> tokens = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<AuthenticationSuccessEvent> mtlsSuccessRecorder() {
			return (event) -> {
				if (event.getAuthentication() instanceof MtlsAuthenticationToken token) {
					this.tokens.add(token);
				}
			};
		}

	}

}
