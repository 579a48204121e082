package io.github.mtls.spring.tranid;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests without exactly one {@code x-api-tran-id} of the
 * {@linkplain TranId#isStandard(String) standard's form} before authentication, and lets
 * the chain go on otherwise. How the refusal is answered is the caller's: the security
 * configurer writes {@code TRAN_ID_INVALID} (400, {@code 40002} by default) with the
 * starter's error writer. Error dispatches are not checked.
 *
 * @author mtls-spring-boot
 */
public final class TranIdRequiredFilter extends OncePerRequestFilter {

	private final Refusal refusal;

	/**
	 * Create a filter.
	 * @param refusal answers a request whose id is missing, repeated or malformed
	 */
	public TranIdRequiredFilter(Refusal refusal) {
		Assert.notNull(refusal, "refusal cannot be null");
		this.refusal = refusal;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Enumeration<String> values = request.getHeaders(TranId.HEADER);
		String tranId = (values != null && values.hasMoreElements()) ? values.nextElement() : null;
		boolean repeated = values != null && values.hasMoreElements();
		if (repeated || !TranId.isStandard(tranId)) {
			this.refusal.refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Answers a request refused for its transaction id.
	 */
	@FunctionalInterface
	public interface Refusal {

		/**
		 * Write the refusal.
		 * @param request the refused request
		 * @param response the response to write it to
		 * @throws IOException if writing fails
		 */
		void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException;

	}

}
