package io.github.mtls.spring.security;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.mydata.TranIdFilter;

/**
 * Whether requests must carry an {@code x-api-tran-id} of the MyData standard's form,
 * AN(25): 1 to 25 upper-case ASCII letters and digits. Its inner structure is not
 * published, so it is not checked. The starter declares one from
 * {@code mtls.mydata.require-tran-id}; {@link MtlsConfigurer} reads it.
 *
 * @author mtls-spring-boot
 */
public final class TranIdRequirement {

	/**
	 * The MyData transaction id header.
	 */
	public static final String HEADER = TranIdFilter.HEADER;

	private static final Pattern STANDARD = Pattern.compile("[A-Z0-9]{1,25}");

	private final boolean required;

	/**
	 * Create a requirement.
	 * @param required whether a valid id is required
	 */
	public TranIdRequirement(boolean required) {
		this.required = required;
	}

	/**
	 * Whether a valid id is required.
	 * @return {@code true} if required
	 */
	public boolean isRequired() {
		return this.required;
	}

	/**
	 * Whether a header value is of the standard's form.
	 * @param tranId the value, or {@code null} when absent
	 * @return {@code true} for 1 to 25 upper-case ASCII letters and digits
	 */
	public static boolean isValid(@Nullable String tranId) {
		return tranId != null && STANDARD.matcher(tranId).matches();
	}

}
