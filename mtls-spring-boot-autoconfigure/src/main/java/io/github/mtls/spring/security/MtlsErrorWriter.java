package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.source.ServerConnector;

/**
 * Writes the one error response of a refused request, the MyData body {@code {"rsp_code":
 * "...", "rsp_msg": "..."}} with the reason's status, and publishes a
 * {@link MtlsRejectionEvent}. Serves the entry point, the access-denied handler and the
 * authentication failure handler alike.
 * <p>
 * Each reason's status and codes default to {@link MtlsReason}'s and can be overridden
 * ({@link #setErrorCodes(Map)}). With {@link MtlsErrorFormat#PROBLEM_DETAIL} the body is
 * an RFC 9457 {@link ProblemDetail} as {@code application/problem+json} with
 * {@code rsp_code} and {@code rsp_msg} as extension members; that needs a mapper with
 * Spring's {@code ProblemDetailJacksonMixin}, as Boot's {@code JsonMapper} bean has (a
 * bare mapper nests them under {@code properties}).
 *
 * @author mtls-spring-boot
 */
public final class MtlsErrorWriter {

	private static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";

	private final JsonMapper jsonMapper;

	private @Nullable ApplicationEventPublisher eventPublisher;

	private MtlsErrorFormat format = MtlsErrorFormat.MYDATA;

	private final Map<MtlsReason, MtlsErrorCode> errorCodes = new EnumMap<>(MtlsReason.class);

	/**
	 * Create a writer.
	 * @param jsonMapper writes the body
	 */
	public MtlsErrorWriter(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Set the publisher of {@link MtlsRejectionEvent}s; none by default.
	 * @param eventPublisher the publisher
	 */
	public void setEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	/**
	 * Set the body format; {@link MtlsErrorFormat#MYDATA} by default.
	 * @param format the format
	 */
	public void setFormat(MtlsErrorFormat format) {
		Assert.notNull(format, "format cannot be null");
		this.format = format;
	}

	/**
	 * Override the responses of some reasons; the others keep their defaults.
	 * @param errorCodes the responses by reason
	 */
	public void setErrorCodes(Map<MtlsReason, MtlsErrorCode> errorCodes) {
		Assert.notNull(errorCodes, "errorCodes cannot be null");
		this.errorCodes.clear();
		this.errorCodes.putAll(errorCodes);
	}

	/**
	 * Return the response of a reason: its override, else its default.
	 * @param reason the reason
	 * @return the response
	 */
	public MtlsErrorCode errorCode(MtlsReason reason) {
		MtlsErrorCode code = this.errorCodes.get(reason);
		return (code != null) ? code : MtlsErrorCode.of(reason);
	}

	private static @Nullable String bearerChallenge(MtlsReason reason) {
		return switch (reason) {
			case TOKEN_REQUIRED -> "Bearer";
			case TOKEN_SCOPE_NOT_GRANTED -> "Bearer error=\"insufficient_scope\"";
			case TOKEN_INVALID, TOKEN_NOT_BOUND -> "Bearer error=\"invalid_token\"";
			default -> null;
		};
	}

	/**
	 * Write the error response and publish the rejection.
	 * @param request the request
	 * @param response the response
	 * @param reason why the request is refused
	 * @param fingerprint the client certificate's fingerprint, if known
	 * @param orgCodes the org codes of matched operators, if any
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, MtlsReason reason,
			@Nullable String fingerprint, List<String> orgCodes) throws IOException {
		if (!response.isCommitted()) {
			MtlsErrorCode code = errorCode(reason);
			byte[] bytes;
			String contentType;
			if (this.format == MtlsErrorFormat.PROBLEM_DETAIL) {
				bytes = this.jsonMapper.writeValueAsBytes(problemDetail(code));
				contentType = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
			}
			else {
				Map<String, String> body = new LinkedHashMap<>();
				body.put("rsp_code", code.rspCode());
				body.put("rsp_msg", code.rspMessage());
				bytes = this.jsonMapper.writeValueAsBytes(body);
				contentType = CONTENT_TYPE;
			}
			response.setStatus(code.status());
			String challenge = bearerChallenge(reason);
			if (code.status() == HttpServletResponse.SC_UNAUTHORIZED && challenge != null
					&& !response.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
				// A 401 carries a challenge (RFC 9110 11.6.1): for an access token
				// refused
				// by the starter rather than by the resource server, the bearer one.
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			}
			response.setContentType(contentType);
			response.setHeader("Cache-Control", "no-store");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
			response.flushBuffer();
		}
		if (this.eventPublisher != null) {
			this.eventPublisher
				.publishEvent(new MtlsRejectionEvent(reason, errorCode(reason).rspCode(), request.getMethod(),
						request.getRequestURI(), fingerprint, orgCodes, ServerConnector.of(request).tagValue()));
		}
	}

	private static ProblemDetail problemDetail(MtlsErrorCode code) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.status()),
				code.rspMessage());
		problem.setProperty("rsp_code", code.rspCode());
		problem.setProperty("rsp_msg", code.rspMessage());
		return problem;
	}

}
