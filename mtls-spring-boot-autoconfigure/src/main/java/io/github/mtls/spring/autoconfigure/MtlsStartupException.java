package io.github.mtls.spring.autoconfigure;

/**
 * Thrown when the starter cannot start as configured; {@link MtlsStartupFailureAnalyzer}
 * turns it into a description and an action.
 *
 * @author mtls-spring-boot
 */
public final class MtlsStartupException extends RuntimeException {

	private final String action;

	MtlsStartupException(String description, String action) {
		super(description);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
