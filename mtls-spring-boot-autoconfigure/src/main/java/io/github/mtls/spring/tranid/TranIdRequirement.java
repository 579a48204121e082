package io.github.mtls.spring.tranid;

/**
 * Whether requests must carry an {@code x-api-tran-id} of the
 * {@linkplain TranId#isStandard(String) standard's form}. The starter declares one from
 * {@code mtls.mydata.require-tran-id}; the security configurer reads it and adds a
 * {@link TranIdRequiredFilter} when it says so.
 *
 * @author mtls-spring-boot
 */
public final class TranIdRequirement {

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

}
