package io.github.mtls.spring.error;

/**
 * Why a request was refused. One reason names the failed check in the error body, the
 * audit line and metrics alike; its HTTP status and MyData {@code rsp_code} follow the
 * MyData standard: 401 for certificate, operator, address and scope failures (40101 to
 * 40104), 400 {@code 40002} for a bad forwarded header or {@code x-api-tran-id}, 403 for
 * suspended operators and calls no rule allows.
 *
 * @author mtls-spring-boot
 */
public enum MtlsReason {

	/** No client certificate was presented. */
	NO_CERTIFICATE(401, "40101", "client certificate required"),

	/** The certificate could not be read. */
	CERTIFICATE_UNREADABLE(401, "40101", "client certificate could not be read"),

	/** The chain does not lead to a trusted anchor, or a signature does not verify. */
	CERTIFICATE_UNTRUSTED(401, "40101", "client certificate is not issued by a trusted CA"),

	/** A certificate in the chain has expired. */
	CERTIFICATE_EXPIRED(401, "40101", "client certificate has expired"),

	/** A certificate in the chain is not yet valid. */
	CERTIFICATE_NOT_YET_VALID(401, "40101", "client certificate is not yet valid"),

	/** The key usage extension does not allow digital signatures. */
	KEY_USAGE_NOT_PERMITTED(401, "40101", "client certificate key usage does not permit digitalSignature"),

	/**
	 * The certificate is a CA certificate ({@code cA: TRUE}), not an end entity's.
	 */
	CERTIFICATE_IS_AUTHORITY(401, "40101", "client certificate is a CA certificate"),

	/** A required extended key usage is missing. */
	EXTENDED_KEY_USAGE_MISSING(401, "40101", "client certificate lacks a required extended key usage"),

	/** A required certificate policy is missing. */
	POLICY_MISSING(401, "40101", "client certificate lacks a required certificate policy"),

	/** The certificate has been revoked. */
	CERTIFICATE_REVOKED(401, "40101", "client certificate has been revoked"),

	/**
	 * Revocation status could not be learned and {@code revocation-failure} is closed.
	 */
	REVOCATION_UNKNOWN(401, "40101", "client certificate revocation status is unknown"),

	/** A forwarded certificate header came from a peer that is not a trusted proxy. */
	UNTRUSTED_HEADER(400, "40002", "client certificate header from an untrusted peer"),

	/** A forwarded certificate header occurred more than once. */
	DUPLICATE_HEADER(400, "40002", "client certificate header occurs more than once"),

	/** A forwarded certificate header exceeds {@code max-header-bytes}. */
	OVERSIZED_HEADER(400, "40002", "client certificate header is too large"),

	/**
	 * A forwarded certificate header could not be decoded, or its format is ambiguous.
	 */
	MALFORMED_HEADER(400, "40002", "client certificate header is malformed"),

	/** The subject has no SERIALNUMBER attribute. */
	SERIAL_NUMBER_MISSING(401, "40103", "client certificate subject has no SERIALNUMBER"),

	/** The SERIALNUMBER is not 1-20 ASCII letters, digits or hyphens. */
	SERIAL_NUMBER_MALFORMED(401, "40103", "client certificate SERIALNUMBER is malformed"),

	/** The subject has more than one SERIALNUMBER attribute. */
	SERIAL_NUMBER_REPEATED(401, "40103", "client certificate subject has more than one SERIALNUMBER"),

	/** No registered operator matches the certificate. */
	OPERATOR_NOT_REGISTERED(401, "40103", "operator is not registered"),

	/**
	 * The operator pins certificate fingerprints and this certificate is not one of them.
	 */
	FINGERPRINT_NOT_PINNED(401, "40103", "client certificate is not registered for the operator"),

	/** The caller's address is not registered for the operator. */
	SOURCE_IP_NOT_ALLOWED(401, "40102", "source IP address not allowed"),

	/** The operator lacks a scope the resource requires. */
	SCOPE_NOT_GRANTED(401, "40104", "scope not granted"),

	/**
	 * An access rule requires an access token ({@code token-scopes}) and the request
	 * carries none.
	 */
	TOKEN_REQUIRED(401, "40101", "access token required"),

	/**
	 * The access token is malformed, expired, or otherwise refused by the resource
	 * server.
	 */
	TOKEN_INVALID(401, "40101", "invalid access token"),

	/**
	 * The access token was issued to another operator: its binding claim names none of
	 * the operator's org codes or client ids, or its certificate thumbprint
	 * ({@code cnf.x5t#S256}) is another certificate's.
	 */
	TOKEN_NOT_BOUND(401, "40101", "access token is not bound to this operator"),

	/** The access token lacks a scope the resource requires. */
	TOKEN_SCOPE_NOT_GRANTED(401, "40104", "access token scope not granted"),

	/** Every registry entry of the operator is suspended. */
	OPERATOR_SUSPENDED(403, "40302", "operator is suspended"),

	/**
	 * No access rule matches the request while {@code unmatched-requests} is deny. The
	 * message is the standard's wording of 40301 (an API call that is not valid).
	 */
	NO_MATCHING_RULE(403, "40301", "올바르지 않은 API 호출"),

	/**
	 * A management (Actuator) endpoint other than health was asked for with an operator's
	 * certificate, and no access rule names it.
	 */
	MANAGEMENT_ENDPOINT_DENIED(403, "40301", "올바르지 않은 API 호출"),

	/**
	 * A path served on the partner port only ({@code mtls.connector.paths}) was asked for
	 * on the main port.
	 */
	PARTNER_PORT_ONLY(404, "40401", "requested API not found"),

	/** The {@code x-api-tran-id} header is missing or malformed while required. */
	TRAN_ID_INVALID(400, "40002", "x-api-tran-id is missing or malformed"),

	/**
	 * The request body cannot be read as its content type says, such as a multipart
	 * request without a boundary or with a truncated part; the request is not handled.
	 */
	MALFORMED_REQUEST_BODY(400, "40001", "request body is malformed"),

	/**
	 * A GET or HEAD request announces a body (RFC 9110 gives it no meaning there and
	 * allows refusing it): refused before any handler could wait for it.
	 */
	REQUEST_BODY_NOT_ALLOWED(400, "40001", "request body not allowed for GET or HEAD");

	private final int status;

	private final String rspCode;

	private final String rspMessage;

	MtlsReason(int status, String rspCode, String rspMessage) {
		this.status = status;
		this.rspCode = rspCode;
		this.rspMessage = rspMessage;
	}

	/**
	 * Return the HTTP status of a response refused for this reason.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return the MyData response code.
	 * @return the {@code rsp_code}
	 */
	public String rspCode() {
		return this.rspCode;
	}

	/**
	 * Return the MyData response message, which names the failed check and never a value.
	 * @return the {@code rsp_msg}
	 */
	public String rspMessage() {
		return this.rspMessage;
	}

}
