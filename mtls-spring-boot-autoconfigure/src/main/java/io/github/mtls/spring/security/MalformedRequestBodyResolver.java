package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Answers a request whose multipart body cannot be parsed with 400
 * {@link MtlsReason#MALFORMED_REQUEST_BODY} instead of Spring MVC's 500. The
 * {@code DispatcherServlet} parses a {@code multipart/*} request before it picks a
 * handler, so a body without a boundary, or cut short, fails every path the security
 * chain lets through, open ones included, and nothing else in Spring MVC maps that
 * failure to a client error; each one would also log a stack trace. Ordered last, so an
 * application's own {@code @ExceptionHandler} for {@link MultipartException} still wins,
 * and the upload-size failure keeps Spring's 413.
 *
 * @author mtls-spring-boot
 */
public final class MalformedRequestBodyResolver implements HandlerExceptionResolver, Ordered {

	private final MtlsErrorWriter errorWriter;

	/**
	 * Create a resolver.
	 * @param errorWriter writes the refusal
	 */
	public MalformedRequestBodyResolver(MtlsErrorWriter errorWriter) {
		Assert.notNull(errorWriter, "errorWriter cannot be null");
		this.errorWriter = errorWriter;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof MultipartException) || ex instanceof MaxUploadSizeExceededException
				|| response.isCommitted()) {
			return null;
		}
		try {
			this.errorWriter.write(request, response, MtlsReason.MALFORMED_REQUEST_BODY, null, List.of());
		}
		catch (IOException writeFailure) {
			// The client went away: nothing left to answer.
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
