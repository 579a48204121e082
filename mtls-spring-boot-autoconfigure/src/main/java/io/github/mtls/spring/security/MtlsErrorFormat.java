package io.github.mtls.spring.security;

/**
 * The body format of error responses.
 *
 * @author mtls-spring-boot
 */
public enum MtlsErrorFormat {

	/**
	 * The MyData body {@code {"rsp_code": "...", "rsp_msg": "..."}} as
	 * {@code application/json;charset=UTF-8}.
	 */
	MYDATA,

	/**
	 * An RFC 9457 problem detail as {@code application/problem+json}, with
	 * {@code rsp_code} and {@code rsp_msg} as extension members.
	 */
	PROBLEM_DETAIL

}
