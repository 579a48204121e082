package io.github.mtls.spring.mydata.orglist;

import java.io.IOException;

/**
 * Where an org-list document is read from.
 *
 * @author mtls-spring-boot
 */
public interface OrgListSource {

	/**
	 * The largest document read, in bytes.
	 */
	int MAX_BYTES = 32 * 1024 * 1024;

	/**
	 * Read the current document.
	 * @return its bytes
	 * @throws IOException if it cannot be read
	 */
	byte[] read() throws IOException;

	/**
	 * Describe the source for logs and health, without credentials or query strings.
	 * @return the description
	 */
	String description();

}
