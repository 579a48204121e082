package io.github.mtls.spring.security;

import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;

/**
 * The response of one {@link MtlsReason}: HTTP status, MyData {@code rsp_code} and
 * {@code rsp_msg}. Statuses are 4xx: a refusal is never a server error.
 *
 * @param status the HTTP status, 400-499
 * @param rspCode the MyData response code
 * @param rspMessage the MyData response message
 * @author mtls-spring-boot
 */
public record MtlsErrorCode(int status, String rspCode, String rspMessage) {

	public MtlsErrorCode {
		Assert.isTrue(status >= 400 && status <= 499, "status must be 400-499");
		Assert.hasText(rspCode, "rspCode cannot be empty");
		Assert.notNull(rspMessage, "rspMessage cannot be null");
	}

	/**
	 * Return the default response of a reason.
	 * @param reason the reason
	 * @return its response
	 */
	public static MtlsErrorCode of(MtlsReason reason) {
		Assert.notNull(reason, "reason cannot be null");
		return new MtlsErrorCode(reason.status(), reason.rspCode(), reason.rspMessage());
	}

}
