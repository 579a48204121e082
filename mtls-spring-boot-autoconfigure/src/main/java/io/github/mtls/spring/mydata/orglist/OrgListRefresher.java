package io.github.mtls.spring.mydata.orglist;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.util.Assert;

/**
 * Refreshes an {@link OrgListOperatorRegistry} on a schedule of its own: a
 * {@code TaskScheduler} bean exists only with {@code @EnableScheduling}, so the starter
 * owns one daemon thread. {@link #start()} reads the document once before returning, so a
 * good document is in place when the application starts taking requests; {@link #close()}
 * stops the thread.
 *
 * @author mtls-spring-boot
 */
public final class OrgListRefresher implements AutoCloseable {

	private final OrgListOperatorRegistry registry;

	private final Duration interval;

	private final ScheduledExecutorService executor;

	/**
	 * Create a refresher.
	 * @param registry the registry to refresh
	 * @param interval the delay between the end of one refresh and the start of the next
	 */
	public OrgListRefresher(OrgListOperatorRegistry registry, Duration interval) {
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(interval, "interval cannot be null");
		Assert.isTrue(!interval.isNegative() && !interval.isZero(), "interval must be positive");
		this.registry = registry;
		this.interval = interval;
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "mtls-org-list-refresh");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Read the document now, then every interval.
	 */
	public void start() {
		this.registry.refresh();
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(this.registry::refresh, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stop refreshing.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
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

	/**
	 * Whether {@link #close()} was called.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.executor.isShutdown();
	}

}
