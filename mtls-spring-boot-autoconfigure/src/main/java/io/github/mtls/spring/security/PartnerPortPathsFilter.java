package io.github.mtls.spring.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.source.ServerConnector;

/**
 * Keeps the paths of {@code mtls.connector.paths} on the partner port: on the main
 * connector they answer 404 with {@link MtlsReason#PARTNER_PORT_ONLY} (MyData
 * {@code 40401}). A servlet filter ordered before Spring Security's, so the refusal comes
 * before any authentication and whatever security filter chains the application declares,
 * and nothing of the handler runs.
 *
 * @author mtls-spring-boot
 */
public final class PartnerPortPathsFilter extends OncePerRequestFilter {

	private final List<RequestMatcher> paths;

	private final MtlsErrorWriter errorWriter;

	/**
	 * Create a filter.
	 * @param paths the paths served on the partner port only
	 * @param errorWriter writes the refusal
	 */
	public PartnerPortPathsFilter(List<RequestMatcher> paths, MtlsErrorWriter errorWriter) {
		Assert.notNull(paths, "paths cannot be null");
		Assert.notNull(errorWriter, "errorWriter cannot be null");
		this.paths = List.copyOf(paths);
		this.errorWriter = errorWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ServerConnector.of(request) != ServerConnector.PARTNER && isPartnerOnly(request)) {
			this.errorWriter.write(request, response, MtlsReason.PARTNER_PORT_ONLY, null, List.of());
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isPartnerOnly(HttpServletRequest request) {
		try {
			for (RequestMatcher path : this.paths) {
				if (path.matches(request)) {
					return true;
				}
			}
			return false;
		}
		catch (IllegalArgumentException ex) {
			// A path Spring cannot split into its servlet path (";" after
			// spring.mvc.servlet.path, an X-Forwarded-Prefix that is not a path): fail
			// closed, the main connector serves nothing it cannot place.
			return true;
		}
	}

}
