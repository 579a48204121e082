package io.github.mtls.spring.tranid;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Echoes the {@value TranId#HEADER} request header on every response, errors included,
 * and puts it in the logging context (MDC key {@value TranId#MDC_KEY}) while the request
 * runs. Only {@linkplain TranId#isEchoable(String) echoable} ids are echoed or logged;
 * any other value is neither reflected nor logged. Ordered before Spring Security's
 * filter chain, so that refusals carry the id too.
 *
 * @author mtls-spring-boot
 */
public final class TranIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String tranId = request.getHeader(TranId.HEADER);
		if (!TranId.isEchoable(tranId)) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(TranId.HEADER, tranId);
		MDC.put(TranId.MDC_KEY, tranId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(TranId.MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
