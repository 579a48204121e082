package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Writes the one error response of a refused request, the MyData body {@code {"rsp_code":
 * "...", "rsp_msg": "..."}} with the reason's status, and publishes a
 * {@link MtlsRejectionEvent}. Serves the entry point, the access-denied handler and the
 * authentication failure handler alike.
 *
 * @author mtls-spring-boot
 */
public final class MtlsErrorWriter {

	private static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";

	private final JsonMapper jsonMapper;

	private @Nullable ApplicationEventPublisher eventPublisher;

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
			Map<String, String> body = new LinkedHashMap<>();
			body.put("rsp_code", reason.rspCode());
			body.put("rsp_msg", reason.rspMessage());
			byte[] bytes = this.jsonMapper.writeValueAsBytes(body);
			response.setStatus(reason.status());
			response.setContentType(CONTENT_TYPE);
			response.setHeader("Cache-Control", "no-store");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
			response.flushBuffer();
		}
		if (this.eventPublisher != null) {
			this.eventPublisher.publishEvent(new MtlsRejectionEvent(reason, request.getMethod(),
					request.getRequestURI(), fingerprint, orgCodes));
		}
	}

}
