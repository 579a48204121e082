package io.github.mtls.spring.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;

/**
 * Counts refused requests by reason over the last {@link #WINDOW} (in one-minute
 * buckets), for the {@code mtls} endpoint.
 *
 * @author mtls-spring-boot
 */
public final class RecentRefusals implements ApplicationListener<MtlsRejectionEvent> {

	/**
	 * How far back the counts reach.
	 */
	public static final Duration WINDOW = Duration.ofMinutes(5);

	private static final int BUCKETS = (int) WINDOW.toMinutes();

	private final Map<MtlsReason, long[]> counts = new EnumMap<>(MtlsReason.class);

	private final long[] bucketMinutes = new long[BUCKETS];

	private final Clock clock;

	/**
	 * Create the counts.
	 * @param clock tells the minute
	 */
	public RecentRefusals(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
		for (MtlsReason reason : MtlsReason.values()) {
			this.counts.put(reason, new long[BUCKETS]);
		}
		Arrays.fill(this.bucketMinutes, Long.MIN_VALUE);
	}

	@Override
	public void onApplicationEvent(MtlsRejectionEvent event) {
		long minute = minute();
		synchronized (this) {
			int bucket = bucket(minute);
			// The constructor gives every reason its buckets.
			Objects.requireNonNull(this.counts.get(event.getReason()))[bucket]++;
		}
	}

	/**
	 * Return the refusals of the last {@link #WINDOW}, by reason, omitting reasons with
	 * none.
	 * @return the counts
	 */
	public synchronized Map<MtlsReason, Long> counts() {
		long minute = minute();
		Map<MtlsReason, Long> result = new EnumMap<>(MtlsReason.class);
		this.counts.forEach((reason, buckets) -> {
			long sum = 0;
			for (int i = 0; i < BUCKETS; i++) {
				if (this.bucketMinutes[i] > minute - BUCKETS) {
					sum += buckets[i];
				}
			}
			if (sum > 0) {
				result.put(reason, sum);
			}
		});
		return result;
	}

	private long minute() {
		return Math.floorDiv(this.clock.millis(), 60_000L);
	}

	private int bucket(long minute) {
		int bucket = (int) Math.floorMod(minute, (long) BUCKETS);
		if (this.bucketMinutes[bucket] != minute) {
			this.bucketMinutes[bucket] = minute;
			this.counts.values().forEach((buckets) -> buckets[bucket] = 0);
		}
		return bucket;
	}

}
