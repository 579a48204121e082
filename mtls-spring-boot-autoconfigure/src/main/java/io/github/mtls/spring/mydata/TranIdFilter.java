package io.github.mtls.spring.mydata;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Echoes the MyData {@value #HEADER} request header on every response, errors included,
 * and puts it in the logging context (MDC key {@value #MDC_KEY}) while the request runs.
 * Only ids of 1 to 64 ASCII letters, digits, {@code -} or {@code _} are echoed or logged;
 * any other value is neither reflected nor logged. Ordered before Spring Security's
 * filter chain.
 *
 * @author mtls-spring-boot
 */
public final class TranIdFilter extends OncePerRequestFilter {

	/**
	 * The MyData transaction id header.
	 */
	public static final String HEADER = "x-api-tran-id";

	/**
	 * The MDC key the id is put under.
	 */
	public static final String MDC_KEY = "tranId";

	private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String tranId = request.getHeader(HEADER);
		if (tranId == null || !ECHOABLE.matcher(tranId).matches()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HEADER, tranId);
		MDC.put(MDC_KEY, tranId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
