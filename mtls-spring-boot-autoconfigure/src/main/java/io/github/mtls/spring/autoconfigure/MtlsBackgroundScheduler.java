package io.github.mtls.spring.autoconfigure;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.validation.revocation.CrlRefresher;

/**
 * The one scheduler of the starter's background work (the org-list refresh and the CRL
 * refresh): two daemon threads named {@code mtls-refresh-N}, so a stalled org-list read
 * does not hold a CRL refresh back. It is a bean of this type, not a
 * {@code TaskScheduler}: a {@code TaskScheduler} or {@code Executor} bean would make
 * Boot's task scheduling and execution back off and would run the application's
 * {@code @Scheduled} and {@code @Async} work. Its phase is below the refreshers', so it
 * runs before they start and shuts down (interrupting a read under way, waiting a few
 * seconds for its threads to end) only after they have stopped.
 *
 * @author mtls-spring-boot
 */
final class MtlsBackgroundScheduler implements SmartLifecycle, DisposableBean {

	static final String THREAD_NAME_PREFIX = "mtls-refresh-";

	private static final int PHASE = Math.min(OrgListRefresher.PHASE, CrlRefresher.PHASE) - 1;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private boolean running;

	MtlsBackgroundScheduler() {
		this.scheduler.setPoolSize(2);
		this.scheduler.setThreadNamePrefix(THREAD_NAME_PREFIX);
		this.scheduler.setDaemon(true);
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setWaitForTasksToCompleteOnShutdown(false);
		this.scheduler.setAwaitTerminationSeconds(5);
		this.scheduler.initialize();
		this.running = true;
	}

	/**
	 * Return the scheduler the refreshers run on.
	 * @return the scheduler
	 */
	TaskScheduler scheduler() {
		return this.scheduler;
	}

	@Override
	public synchronized void start() {
		if (!this.running) {
			this.scheduler.initialize();
			this.running = true;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.running) {
			this.scheduler.shutdown();
			this.running = false;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		stop();
	}

}
