package io.github.mtls.spring.mydata.orglist;

/**
 * An org-list document that cannot be used: unreadable, not JSON, an error response, or
 * inconsistent. The message names the problem and never quotes the document.
 *
 * @author mtls-spring-boot
 */
public final class InvalidOrgListException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what is wrong
	 */
	public InvalidOrgListException(String message) {
		super(message);
	}

}
