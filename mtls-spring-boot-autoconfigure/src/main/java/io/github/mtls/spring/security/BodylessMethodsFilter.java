package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Refuses a GET or HEAD request that announces a body ({@code Content-Length} above zero,
 * or any {@code Transfer-Encoding}) with 400 {@link MtlsReason#REQUEST_BODY_NOT_ALLOWED},
 * before anything reads it. Such content has no meaning (RFC 9110 9.3.1 and 9.3.2 allow
 * refusing it, as a request smuggling risk), yet it costs a thread: Actuator's endpoints
 * read the body of every request, and Tomcat reads an unread one before it ends a
 * successful answer, each read waiting up to the connection timeout. A peer that
 * announces a body and trickles it, on an open path such as health, then holds the thread
 * for as long as it likes, and a few hundred such peers stop every connector sharing the
 * pool. The refusal is answered at once and its connection closed (the unread body is not
 * waited for).
 *
 * @author mtls-spring-boot
 */
public final class BodylessMethodsFilter extends OncePerRequestFilter {

	private final MtlsErrorWriter errorWriter;

	/**
	 * Create a filter.
	 * @param errorWriter writes the refusal
	 */
	public BodylessMethodsFilter(MtlsErrorWriter errorWriter) {
		Assert.notNull(errorWriter, "errorWriter cannot be null");
		this.errorWriter = errorWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		if (("GET".equals(method) || "HEAD".equals(method))
				&& (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)) {
			this.errorWriter.write(request, response, MtlsReason.REQUEST_BODY_NOT_ALLOWED, null, List.of());
			return;
		}
		chain.doFilter(request, response);
	}

}
