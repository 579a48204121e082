package io.github.mtls.spring.observability;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsAuthenticationToken;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.security.MtlsRequestDetails;
import io.github.mtls.spring.source.ServerConnector;
import io.github.mtls.spring.test.pki.CertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsMetricsListenerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final MtlsMetricsListener listener = new MtlsMetricsListener(this.registry);

	@Test
	void onApplicationEventWhenRejectedThenCountsByReason() {
		this.listener.onApplicationEvent(new MtlsRejectionEvent(MtlsReason.OPERATOR_NOT_REGISTERED, "GET",
				"/v2/bank/accounts", null, List.of()));
		this.listener.onApplicationEvent(
				new MtlsRejectionEvent(MtlsReason.OPERATOR_NOT_REGISTERED, "GET", "/whoami", null, List.of()));
		assertThat(this.registry.get(MtlsMetricsListener.REJECTED)
			.tag("reason", "OPERATOR_NOT_REGISTERED")
			.tag("rsp_code", "40103")
			.tag("connector", "main")
			.counter()
			.count()).isEqualTo(2);
	}

	@Test
	void onApplicationEventWhenCodeOverriddenThenTagsTheCodeSent() {
		this.listener.onApplicationEvent(
				new MtlsRejectionEvent(MtlsReason.TRAN_ID_INVALID, "40001", "GET", "/x", null, List.of()));
		assertThat(this.registry.get(MtlsMetricsListener.REJECTED)
			.tag("reason", "TRAN_ID_INVALID")
			.tag("rsp_code", "40001")
			.counter()
			.count()).isOne();
	}

	@Test
	void onApplicationEventWhenCertificateAuthenticatedThenCountsByOrigin() {
		MtlsAuthenticationToken token = MtlsAuthenticationToken
			.unauthenticated(CertificateAuthority.root("CA").leaf("op").issue().chain(), CertificateOrigin.FORWARDED);
		this.listener.onApplicationEvent(new AuthenticationSuccessEvent(token));
		assertThat(this.registry.get(MtlsMetricsListener.AUTHENTICATED)
			.tag("origin", "forwarded")
			.tag("connector", "main")
			.counter()
			.count()).isOne();
	}

	@Test
	void onApplicationEventWhenOtherAuthenticationThenIgnores() {
		this.listener.onApplicationEvent(new AuthenticationSuccessEvent(
				UsernamePasswordAuthenticationToken.authenticated("user", "n/a", List.of())));
		assertThat(this.registry.find(MtlsMetricsListener.AUTHENTICATED).counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void constructorWhenCreatedThenRegistersEveryCounterBeforeAnyRequest() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new MtlsMetricsListener(registry);
		int connectors = ServerConnector.values().length;
		assertThat(registry.find(MtlsMetricsListener.REJECTED).counters())
			.hasSize(MtlsReason.values().length * connectors);
		assertThat(registry.find(MtlsMetricsListener.AUTHENTICATED).counters())
			.hasSize(CertificateOrigin.values().length * connectors);
	}

	@Test
	void onApplicationEventWhenRequestsCountedThenRegistersNoMeter() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MtlsMetricsListener listener = new MtlsMetricsListener(registry);
		AtomicInteger added = new AtomicInteger();
		registry.config().onMeterAdded((meter) -> added.incrementAndGet());
		MtlsAuthenticationToken token = MtlsAuthenticationToken
			.unauthenticated(CertificateAuthority.root("CA").leaf("op").issue().chain(), CertificateOrigin.DIRECT);
		for (MtlsReason reason : MtlsReason.values()) {
			listener.onApplicationEvent(new MtlsRejectionEvent(reason, "GET", "/x", null, List.of()));
			listener.onApplicationEvent(new AuthenticationSuccessEvent(token));
		}
		assertThat(added).hasValue(0);
		assertThat(registry.get(MtlsMetricsListener.AUTHENTICATED)
			.tag("origin", "direct")
			.tag("connector", "main")
			.counter()
			.count()).isEqualTo(MtlsReason.values().length);
	}

	@Test
	void constructorWhenCodesConfiguredThenTagsConfiguredCodes() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MtlsMetricsListener listener = new MtlsMetricsListener(registry,
				(reason) -> (reason == MtlsReason.OPERATOR_NOT_REGISTERED) ? "49999" : reason.rspCode());
		listener.onApplicationEvent(
				new MtlsRejectionEvent(MtlsReason.OPERATOR_NOT_REGISTERED, "49999", "GET", "/x", null, List.of()));
		assertThat(registry.get(MtlsMetricsListener.REJECTED)
			.tag("reason", "OPERATOR_NOT_REGISTERED")
			.tag("rsp_code", "49999")
			.tag("connector", "main")
			.counter()
			.count()).isOne();
	}

	@Test
	void onApplicationEventWhenRejectedThenTagsTheConnector() {
		this.listener.onApplicationEvent(new MtlsRejectionEvent(MtlsReason.PARTNER_PORT_ONLY, "40401", "GET",
				"/v2/bank/accounts", null, List.of(), "main"));
		this.listener
			.onApplicationEvent(new MtlsRejectionEvent(MtlsReason.NO_CERTIFICATE, "GET", "/whoami", null, List.of()));
		assertThat(this.registry.get(MtlsMetricsListener.REJECTED)
			.tag("reason", "PARTNER_PORT_ONLY")
			.tag("connector", "main")
			.counter()
			.count()).isOne();
		assertThat(this.registry.get(MtlsMetricsListener.REJECTED)
			.tag("reason", "NO_CERTIFICATE")
			.tag("connector", "main")
			.counter()
			.count()).isOne();
	}

	@Test
	void onApplicationEventWhenAuthenticatedOnThePartnerConnectorThenTagsIt() {
		MtlsAuthenticationToken token = MtlsAuthenticationToken
			.unauthenticated(CertificateAuthority.root("CA").leaf("op").issue().chain(), CertificateOrigin.DIRECT);
		token.setDetails(new MtlsRequestDetails("192.0.2.1", ServerConnector.PARTNER));
		this.listener.onApplicationEvent(new AuthenticationSuccessEvent(token));
		assertThat(this.registry.get(MtlsMetricsListener.AUTHENTICATED)
			.tag("origin", "direct")
			.tag("connector", "partner")
			.counter()
			.count()).isOne();
	}

}
