package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.mtls.spring.error.MtlsReason;

/**
 * Refuses requests without exactly one {@code x-api-tran-id} of the standard's form
 * ({@link TranIdRequirement#isValid(String)}) with {@link MtlsReason#TRAN_ID_INVALID}
 * (400, {@code 40002} by default) before authentication. Added to the chain by
 * {@link MtlsConfigurer} when the id is required; error dispatches are not checked.
 *
 * @author mtls-spring-boot
 */
public final class TranIdRequiredFilter extends OncePerRequestFilter {

	private final MtlsErrorWriter errorWriter;

	/**
	 * Create a filter.
	 * @param errorWriter writes the refusal
	 */
	public TranIdRequiredFilter(MtlsErrorWriter errorWriter) {
		Assert.notNull(errorWriter, "errorWriter cannot be null");
		this.errorWriter = errorWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Enumeration<String> values = request.getHeaders(TranIdRequirement.HEADER);
		String tranId = (values != null && values.hasMoreElements()) ? values.nextElement() : null;
		boolean repeated = values != null && values.hasMoreElements();
		if (repeated || !TranIdRequirement.isValid(tranId)) {
			this.errorWriter.write(request, response, MtlsReason.TRAN_ID_INVALID, null, List.of());
			return;
		}
		chain.doFilter(request, response);
	}

}
