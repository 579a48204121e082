package io.github.mtls.spring.validation.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.mtls.spring.test.pki.CertificateAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CrlRefresherTests {

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private final CrlServer server = new CrlServer();

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private final Instant now = Instant.now();

	@AfterEach
	void stop() {
		this.scheduler.shutdown();
		this.server.close();
	}

	@Test
	void startFetchesTheConfiguredLocationsOnTheSchedulerAndStopCancels() {
		this.server
			.serve(TestCrls.crl(ca.issued(), ca.issued(), this.now, this.now.plus(Duration.ofHours(1)), Map.of()));
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.initialize();
		CrlRefresher refresher = new CrlRefresher(
				new CrlRevocationChecker(new RevocationFetcher(Duration.ofSeconds(2), Duration.ofSeconds(2)),
						List.of(this.server.uri())),
				this.scheduler);
		assertThat(refresher.isRunning()).isFalse();
		refresher.start();
		assertThat(refresher.isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.server.requests() == 1);
		refresher.stop();
		assertThat(refresher.isRunning()).isFalse();
		assertThat(this.scheduler.getScheduledThreadPoolExecutor().getQueue()).isEmpty();
	}

}
