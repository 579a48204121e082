package io.github.mtls.spring.observability;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;

/**
 * Writes one audit line per refused request: reason, MyData code, method, path,
 * certificate fingerprint, operator org codes and the connector the request came in on
 * ({@code main} or {@code partner}). Never certificate contents.
 * <p>
 * Lines are bounded so that a flood of bad requests cannot flood the log: per reason, at
 * most {@link #DEFAULT_LINES_PER_SECOND} lines in each second of the clock; the refusals
 * beyond that are counted, and the first refusal of that reason in a later second writes
 * one summary line with the count suppressed before its own line. Metrics and the
 * {@code mtls} endpoint count every refusal.
 *
 * @author mtls-spring-boot
 */
public final class MtlsAuditListener implements ApplicationListener<MtlsRejectionEvent> {

	/**
	 * How many lines each reason may write per second unless told otherwise.
	 */
	public static final int DEFAULT_LINES_PER_SECOND = 10;

	private final Log logger = LogFactory.getLog(getClass());

	private final Map<MtlsReason, Window> windows = new EnumMap<>(MtlsReason.class);

	private int linesPerSecond = DEFAULT_LINES_PER_SECOND;

	private Clock clock = Clock.systemUTC();

	/**
	 * Create a listener.
	 */
	public MtlsAuditListener() {
		for (MtlsReason reason : MtlsReason.values()) {
			this.windows.put(reason, new Window());
		}
	}

	/**
	 * Set how many lines each reason may write per second.
	 * @param linesPerSecond the bound, at least 1
	 */
	public void setLinesPerSecond(int linesPerSecond) {
		Assert.isTrue(linesPerSecond > 0, "linesPerSecond must be positive");
		this.linesPerSecond = linesPerSecond;
	}

	/**
	 * Set the clock whose seconds bound the lines.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	@Override
	public void onApplicationEvent(MtlsRejectionEvent event) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		long second = Math.floorDiv(this.clock.millis(), 1000);
		// The constructor gives every reason a window.
		Window window = Objects.requireNonNull(this.windows.get(event.getReason()));
		long suppressed;
		boolean write;
		synchronized (window) {
			suppressed = window.roll(second);
			write = window.admit(this.linesPerSecond);
		}
		if (suppressed > 0) {
			this.logger.info("mTLS request refusals not logged: reason=" + event.getReason() + " suppressed="
					+ suppressed + " (more than " + this.linesPerSecond + " per second)");
		}
		if (write) {
			this.logger.info("mTLS request refused: reason=" + event.getReason() + " rsp_code=" + event.getRspCode()
					+ " method=" + printable(event.getMethod()) + " path=" + printable(event.getPath())
					+ " fingerprint=" + ((event.getFingerprint() != null) ? event.getFingerprint() : "-")
					+ " org_codes=" + event.getOrgCodes() + " connector=" + event.getConnector());
		}
	}

	private static String printable(String text) {
		StringBuilder builder = new StringBuilder(Math.min(text.length(), 256));
		for (int i = 0; i < text.length() && i < 256; i++) {
			char c = text.charAt(i);
			builder.append((c < 0x20 || c == 0x7f) ? '?' : c);
		}
		return builder.toString();
	}

	/**
	 * The lines one reason wrote and suppressed in the current second.
	 */
	private static final class Window {

		private long second = Long.MIN_VALUE;

		private int written;

		private long suppressed;

		/**
		 * Move to the given second; return what the previous one suppressed.
		 * @param now the current second
		 * @return how many events the previous second suppressed
		 */
		long roll(long now) {
			if (now == this.second) {
				return 0;
			}
			long previous = this.suppressed;
			this.second = now;
			this.written = 0;
			this.suppressed = 0;
			return previous;
		}

		boolean admit(int limit) {
			if (this.written < limit) {
				this.written++;
				return true;
			}
			this.suppressed++;
			return false;
		}

	}

}
