package io.github.mtls.spring.security;

import java.io.Serial;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.source.ServerConnector;

/**
 * Published once for every request the starter refuses, after the error response is
 * written. Audit and metrics listen to it.
 *
 * @author mtls-spring-boot
 */
public final class MtlsRejectionEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final MtlsReason reason;

	private final String method;

	private final String path;

	private final @Nullable String fingerprint;

	private final List<String> orgCodes;

	private final String rspCode;

	private final String connector;

	/**
	 * Create an event for a refusal answered with the reason's default code.
	 * @param reason why the request was refused
	 * @param method the request method
	 * @param path the request path
	 * @param fingerprint the client certificate's SHA-256 fingerprint, if known
	 * @param orgCodes the org codes of matched operators, if any
	 */
	public MtlsRejectionEvent(MtlsReason reason, String method, String path, @Nullable String fingerprint,
			List<String> orgCodes) {
		this(reason, reason.rspCode(), method, path, fingerprint, orgCodes);
	}

	/**
	 * Create an event.
	 * @param reason why the request was refused
	 * @param rspCode the MyData code the response carried ({@code mtls.errors.codes} may
	 * override the reason's default)
	 * @param method the request method
	 * @param path the request path
	 * @param fingerprint the client certificate's SHA-256 fingerprint, if known
	 * @param orgCodes the org codes of matched operators, if any
	 */
	public MtlsRejectionEvent(MtlsReason reason, String rspCode, String method, String path,
			@Nullable String fingerprint, List<String> orgCodes) {
		this(reason, rspCode, method, path, fingerprint, orgCodes, ServerConnector.MAIN.tagValue());
	}

	/**
	 * Create an event.
	 * @param reason why the request was refused
	 * @param rspCode the MyData code the response carried ({@code mtls.errors.codes} may
	 * override the reason's default)
	 * @param method the request method
	 * @param path the request path
	 * @param fingerprint the client certificate's SHA-256 fingerprint, if known
	 * @param orgCodes the org codes of matched operators, if any
	 * @param connector the connector the request came in on, {@code main} or
	 * {@code partner}
	 */
	public MtlsRejectionEvent(MtlsReason reason, String rspCode, String method, String path,
			@Nullable String fingerprint, List<String> orgCodes, String connector) {
		super(reason);
		this.connector = connector;
		this.reason = reason;
		this.rspCode = rspCode;
		this.method = method;
		this.path = path;
		this.fingerprint = fingerprint;
		this.orgCodes = List.copyOf(orgCodes);
	}

	public MtlsReason getReason() {
		return this.reason;
	}

	public String getRspCode() {
		return this.rspCode;
	}

	public String getMethod() {
		return this.method;
	}

	public String getPath() {
		return this.path;
	}

	public @Nullable String getFingerprint() {
		return this.fingerprint;
	}

	public List<String> getOrgCodes() {
		return this.orgCodes;
	}

	/**
	 * Return the connector the request came in on.
	 * @return {@code main} or {@code partner}
	 */
	public String getConnector() {
		return this.connector;
	}

}
