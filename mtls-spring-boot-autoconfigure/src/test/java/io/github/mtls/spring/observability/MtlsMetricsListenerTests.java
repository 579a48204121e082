package io.github.mtls.spring.observability;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsAuthenticationToken;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.validation.CertificateOrigin;

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
			.counter()
			.count()).isEqualTo(2);
	}

	@Test
	void onApplicationEventWhenCodeOverriddenThenTagsTheCodeSent() {
		this.listener.onApplicationEvent(
				new MtlsRejectionEvent(MtlsReason.TRAN_ID_INVALID, "40001", "GET", "/x", null, List.of()));
		assertThat(this.registry.get(MtlsMetricsListener.REJECTED).tag("rsp_code", "40001").counter().count()).isOne();
	}

	@Test
	void onApplicationEventWhenCertificateAuthenticatedThenCountsByOrigin() {
		MtlsAuthenticationToken token = MtlsAuthenticationToken
			.unauthenticated(CertificateAuthority.root("CA").leaf("op").issue().chain(), CertificateOrigin.FORWARDED);
		this.listener.onApplicationEvent(new AuthenticationSuccessEvent(token));
		assertThat(this.registry.get(MtlsMetricsListener.AUTHENTICATED).tag("origin", "forwarded").counter().count())
			.isOne();
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
		assertThat(registry.find(MtlsMetricsListener.REJECTED).counters()).hasSize(MtlsReason.values().length);
		assertThat(registry.find(MtlsMetricsListener.AUTHENTICATED).counters())
			.hasSize(CertificateOrigin.values().length);
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
		assertThat(registry.get(MtlsMetricsListener.AUTHENTICATED).tag("origin", "direct").counter().count())
			.isEqualTo(MtlsReason.values().length);
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
			.counter()
			.count()).isOne();
	}

}
