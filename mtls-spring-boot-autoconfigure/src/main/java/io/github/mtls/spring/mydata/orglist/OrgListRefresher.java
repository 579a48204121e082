package io.github.mtls.spring.mydata.orglist;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.Assert;

/**
 * Refreshes an {@link OrgListOperatorRegistry} on a scheduler it is given, as a
 * {@link SmartLifecycle}: {@link #start()} reads the document once before returning, so a
 * good document is in place when the application starts taking requests (the phase is
 * below the embedded web server's), then schedules a read every interval; {@link #stop()}
 * cancels the schedule. The scheduler is not taken from the context: a
 * {@code TaskScheduler} bean would make Boot's own scheduler and executor back off and
 * would run the application's {@code @Scheduled} tasks.
 *
 * @author mtls-spring-boot
 */
public final class OrgListRefresher implements SmartLifecycle {

	/**
	 * The lifecycle phase: below the embedded web server's start phase
	 * ({@code DEFAULT_PHASE - 2048}), so the first read is done before the server accepts
	 * connections and refreshing stops only after the server has stopped.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final OrgListOperatorRegistry registry;

	private final Duration interval;

	private final TaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> schedule;

	/**
	 * Create a refresher.
	 * @param registry the registry to refresh
	 * @param interval the delay between the end of one refresh and the start of the next
	 * @param scheduler runs the refreshes after the first
	 */
	public OrgListRefresher(OrgListOperatorRegistry registry, Duration interval, TaskScheduler scheduler) {
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(interval, "interval cannot be null");
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "interval must be positive");
		Assert.notNull(scheduler, "scheduler cannot be null");
		this.registry = registry;
		this.interval = interval;
		this.scheduler = scheduler;
	}

	/**
	 * Read the document now, then every interval. A read never takes longer than the
	 * source's own bound (an {@code https:} source's timeout covers the whole body).
	 */
	@Override
	public synchronized void start() {
		if (this.schedule != null) {
			return;
		}
		this.registry.refresh();
		this.schedule = this.scheduler.scheduleWithFixedDelay(this.registry::refresh,
				this.scheduler.getClock().instant().plus(this.interval), this.interval);
	}

	/**
	 * Stop refreshing: the next read is not started, and one under way is interrupted.
	 */
	@Override
	public synchronized void stop() {
		ScheduledFuture<?> schedule = this.schedule;
		if (schedule != null) {
			schedule.cancel(true);
			this.schedule = null;
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
	 * Return the registry this refresher refreshes.
	 * @return the registry
	 */
	public OrgListOperatorRegistry getRegistry() {
		return this.registry;
	}

	/**
	 * Return the delay between refreshes.
	 * @return the interval
	 */
	public Duration getInterval() {
		return this.interval;
	}

}
