package io.github.mtls.spring.mydata;

/**
 * Whether a registered operator may call.
 *
 * @author mtls-spring-boot
 */
public enum OperatorStatus {

	/** The operator may call. */
	ACTIVE,

	/** The operator is registered but refused (403, {@code 40302}). */
	SUSPENDED

}
