package io.github.mtls.spring.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Hides headers from the application, as Spring's {@code ForwardedHeaderFilter} hides the
 * forwarded headers it consumed: a consumed client certificate header must not be read
 * again downstream by code that would believe it. Attributes pass through to the wrapped
 * request, so the servlet attribute set after authentication stays visible.
 *
 * @author mtls-spring-boot
 */
public final class HeaderHidingRequestWrapper extends HttpServletRequestWrapper {

	private final Set<String> hidden;

	/**
	 * Wrap a request.
	 * @param request the request
	 * @param hidden the names of the headers to hide, any case
	 */
	public HeaderHidingRequestWrapper(HttpServletRequest request, Set<String> hidden) {
		super(request);
		Assert.notNull(hidden, "hidden cannot be null");
		this.hidden = hidden.stream().map((name) -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
	}

	private boolean isHidden(String name) {
		return this.hidden.contains(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public @Nullable String getHeader(String name) {
		return isHidden(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		List<String> names = new ArrayList<>();
		Enumeration<String> all = super.getHeaderNames();
		while (all.hasMoreElements()) {
			String name = all.nextElement();
			if (!isHidden(name)) {
				names.add(name);
			}
		}
		return Collections.enumeration(names);
	}

	@Override
	public long getDateHeader(String name) {
		return isHidden(name) ? -1 : super.getDateHeader(name);
	}

	@Override
	public int getIntHeader(String name) {
		return isHidden(name) ? -1 : super.getIntHeader(name);
	}

}
