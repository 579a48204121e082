package io.github.mtls.spring.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;

import static org.assertj.core.api.Assertions.assertThat;

class RecentRefusalsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:30Z"));

	private final RecentRefusals refusals = new RecentRefusals(this.clock);

	@Test
	void countsWhenRefusedThenCountsByReason() {
		refuse(MtlsReason.OPERATOR_NOT_REGISTERED, 3);
		refuse(MtlsReason.UNTRUSTED_HEADER, 1);
		assertThat(this.refusals.counts()).containsEntry(MtlsReason.OPERATOR_NOT_REGISTERED, 3L)
			.containsEntry(MtlsReason.UNTRUSTED_HEADER, 1L)
			.hasSize(2);
	}

	@Test
	void countsWhenOlderThanWindowThenForgotten() {
		refuse(MtlsReason.OPERATOR_NOT_REGISTERED, 3);
		this.clock.now = this.clock.now.plus(Duration.ofMinutes(2));
		refuse(MtlsReason.OPERATOR_NOT_REGISTERED, 1);
		assertThat(this.refusals.counts()).containsEntry(MtlsReason.OPERATOR_NOT_REGISTERED, 4L);
		this.clock.now = this.clock.now.plus(Duration.ofMinutes(4));
		assertThat(this.refusals.counts()).containsEntry(MtlsReason.OPERATOR_NOT_REGISTERED, 1L);
		this.clock.now = this.clock.now.plus(Duration.ofMinutes(10));
		refuse(MtlsReason.UNTRUSTED_HEADER, 1);
		assertThat(this.refusals.counts()).containsOnlyKeys(MtlsReason.UNTRUSTED_HEADER);
	}

	private void refuse(MtlsReason reason, int times) {
		for (int i = 0; i < times; i++) {
			this.refusals.onApplicationEvent(new MtlsRejectionEvent(reason, "GET", "/x", null, List.of()));
		}
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
