package io.github.mtls.spring.validation.revocation;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;

/**
 * Runs a {@link CrlRevocationChecker}'s background work on a scheduler it is given, as a
 * {@link SmartLifecycle}: on {@link #start()} it fetches the configured locations (on the
 * scheduler, so startup does not wait for them) and then every minute
 * {@link CrlRevocationChecker#refresh() refreshes} the CRLs whose next update is near;
 * {@link #stop()} cancels both.
 *
 * @author mtls-spring-boot
 */
public final class CrlRefresher implements SmartLifecycle {

	/**
	 * The lifecycle phase: below the embedded web server's start phase
	 * ({@code DEFAULT_PHASE - 2048}), so refreshing stops only after the server has
	 * stopped.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Duration REFRESH_PERIOD = Duration.ofMinutes(1);

	private final CrlRevocationChecker checker;

	private final TaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> initialFetch;

	private @Nullable ScheduledFuture<?> schedule;

	/**
	 * Create a refresher.
	 * @param checker the checker whose CRLs to fetch
	 * @param scheduler runs the fetches
	 */
	public CrlRefresher(CrlRevocationChecker checker, TaskScheduler scheduler) {
		Assert.notNull(checker, "checker cannot be null");
		Assert.notNull(scheduler, "scheduler cannot be null");
		this.checker = checker;
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void start() {
		if (this.schedule != null) {
			return;
		}
		this.initialFetch = this.scheduler.schedule(this.checker::fetchConfigured, this.scheduler.getClock().instant());
		this.schedule = this.scheduler.scheduleWithFixedDelay(this.checker::refresh,
				this.scheduler.getClock().instant().plus(REFRESH_PERIOD), REFRESH_PERIOD);
	}

	@Override
	public synchronized void stop() {
		cancel(this.initialFetch);
		cancel(this.schedule);
		this.initialFetch = null;
		this.schedule = null;
	}

	private static void cancel(@Nullable ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(true);
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.schedule != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Return the checker this refresher fetches for.
	 * @return the checker
	 */
	public CrlRevocationChecker getChecker() {
		return this.checker;
	}

}
