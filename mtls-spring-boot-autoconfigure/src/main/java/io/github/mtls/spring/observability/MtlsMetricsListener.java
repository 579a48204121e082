package io.github.mtls.spring.observability;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.util.Assert;

import io.github.mtls.spring.security.MtlsAuthenticationToken;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.security.MtlsRequestDetails;
import io.github.mtls.spring.source.ServerConnector;

/**
 * Counts client certificate authentications and refusals in Micrometer:
 * {@value #AUTHENTICATED} tagged with the certificate's origin ({@code direct} or
 * {@code forwarded}), and {@value #REJECTED} tagged with the reason and its MyData code;
 * both tagged with the connector the request came in on ({@code main} or
 * {@code partner}).
 *
 * @author mtls-spring-boot
 */
public final class MtlsMetricsListener implements SmartApplicationListener {

	/**
	 * The counter of authenticated requests.
	 */
	public static final String AUTHENTICATED = "mtls.requests.authenticated";

	/**
	 * The counter of refused requests.
	 */
	public static final String REJECTED = "mtls.requests.rejected";

	private final MeterRegistry registry;

	/**
	 * Create a listener.
	 * @param registry where the counters live
	 */
	public MtlsMetricsListener(MeterRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return MtlsRejectionEvent.class.isAssignableFrom(eventType)
				|| AuthenticationSuccessEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof MtlsRejectionEvent rejection) {
			Counter.builder(REJECTED)
				.description("Requests refused by client certificate authentication or access rules")
				.tag("reason", rejection.getReason().name())
				.tag("rsp_code", rejection.getRspCode())
				.tag("connector", rejection.getConnector())
				.register(this.registry)
				.increment();
		}
		else if (event instanceof AuthenticationSuccessEvent success
				&& success.getAuthentication() instanceof MtlsAuthenticationToken token) {
			Counter.builder(AUTHENTICATED)
				.description("Requests authenticated by client certificate")
				.tag("origin", token.getOrigin().name().toLowerCase(Locale.ROOT))
				.tag("connector", connector(token))
				.register(this.registry)
				.increment();
		}
	}

	private static String connector(MtlsAuthenticationToken token) {
		return (token.getDetails() instanceof MtlsRequestDetails details) ? details.connector().tagValue()
				: ServerConnector.MAIN.tagValue();
	}

}
