package io.github.mtls.spring.source;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Tomcat connector a request came in on: the main port ({@code server.port}) or the
 * partner port ({@code mtls.connector.port}). Under Tomcat, {@link ServerConnectorValve}
 * records it in the {@value #ATTRIBUTE} request attribute when a partner port is
 * configured; a request without the attribute (no partner port, MockMvc, other
 * containers) came in on the main connector.
 *
 * @author mtls-spring-boot
 */
public enum ServerConnector {

	/** The main connector, {@code server.port}. */
	MAIN,

	/** The partner connector, {@code mtls.connector.port}. */
	PARTNER;

	/**
	 * The request attribute holding the connector.
	 */
	public static final String ATTRIBUTE = ServerConnector.class.getName();

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * Return the connector a request came in on.
	 * @param request the request
	 * @return the connector; {@link #MAIN} when none is recorded
	 */
	public static ServerConnector of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof ServerConnector connector) ? connector : MAIN;
	}

	/**
	 * Return the name of the connector in metrics tags and audit lines.
	 * @return {@code main} or {@code partner}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
