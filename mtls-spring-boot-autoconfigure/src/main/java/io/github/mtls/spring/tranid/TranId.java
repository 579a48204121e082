package io.github.mtls.spring.tranid;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The MyData transaction id header and its two forms: the standard's, which a request
 * must have when the id is required, and the wider one the starter echoes and logs.
 *
 * @author mtls-spring-boot
 */
public final class TranId {

	/**
	 * The MyData transaction id header.
	 */
	public static final String HEADER = "x-api-tran-id";

	/**
	 * The MDC key the id is put under while a request runs.
	 */
	public static final String MDC_KEY = "tranId";

	private static final Pattern STANDARD = Pattern.compile("[A-Z0-9]{1,25}");

	private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private TranId() {
	}

	/**
	 * Whether a header value is of the standard's form, AN(25): 1 to 25 upper-case ASCII
	 * letters and digits. Its inner structure is not published, so it is not checked.
	 * @param tranId the value, or {@code null} when absent
	 * @return {@code true} for 1 to 25 upper-case ASCII letters and digits
	 */
	public static boolean isStandard(@Nullable String tranId) {
		return tranId != null && STANDARD.matcher(tranId).matches();
	}

	/**
	 * Whether a header value may be echoed and logged: 1 to 64 ASCII letters, digits,
	 * {@code -} or {@code _}. Wider than the standard's form, so that callers that use
	 * UUIDs still see their id back; narrow enough that nothing is injected into a
	 * response header or a log line.
	 * @param tranId the value, or {@code null} when absent
	 * @return {@code true} if the value may be echoed and logged
	 */
	public static boolean isEchoable(@Nullable String tranId) {
		return tranId != null && ECHOABLE.matcher(tranId).matches();
	}

}
