package io.github.mtls.spring.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MtlsAuditListenerTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00.250Z");

	private final MtlsAuditListener listener = new MtlsAuditListener();

	@Test
	void onApplicationEventWhenBurstOfThousandThenLogsTheBoundThenOneSummary(CapturedOutput output) {
		this.listener.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
		for (int i = 0; i < 1000; i++) {
			this.listener.onApplicationEvent(refused(MtlsReason.OPERATOR_NOT_REGISTERED));
		}
		assertThat(lines(output, "mTLS request refused:")).isEqualTo(MtlsAuditListener.DEFAULT_LINES_PER_SECOND);
		assertThat(lines(output, "not logged")).isZero();
		this.listener.setClock(Clock.fixed(NOW.plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
		this.listener.onApplicationEvent(refused(MtlsReason.OPERATOR_NOT_REGISTERED));
		assertThat(lines(output, "mTLS request refused:")).isEqualTo(MtlsAuditListener.DEFAULT_LINES_PER_SECOND + 1);
		assertThat(lines(output, "reason=OPERATOR_NOT_REGISTERED suppressed=990")).isOne();
	}

	@Test
	void onApplicationEventWhenOneReasonFloodsThenOtherReasonsStillLogged(CapturedOutput output) {
		this.listener.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
		for (int i = 0; i < 100; i++) {
			this.listener.onApplicationEvent(refused(MtlsReason.OPERATOR_NOT_REGISTERED));
		}
		this.listener.onApplicationEvent(refused(MtlsReason.UNTRUSTED_HEADER));
		assertThat(lines(output, "reason=UNTRUSTED_HEADER rsp_code")).isOne();
	}

	@Test
	void onApplicationEventWhenBoundSetThenHonoursIt(CapturedOutput output) {
		this.listener.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
		this.listener.setLinesPerSecond(2);
		for (int i = 0; i < 5; i++) {
			this.listener.onApplicationEvent(refused(MtlsReason.CERTIFICATE_EXPIRED));
		}
		assertThat(lines(output, "mTLS request refused:")).isEqualTo(2);
	}

	private static MtlsRejectionEvent refused(MtlsReason reason) {
		return new MtlsRejectionEvent(reason, "GET", "/v2/bank/accounts", "ab12", List.of());
	}

	private static long lines(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> line.contains(text)).count();
	}

}
