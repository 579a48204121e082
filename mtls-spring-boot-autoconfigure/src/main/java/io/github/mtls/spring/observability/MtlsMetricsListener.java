package io.github.mtls.spring.observability;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.util.Assert;

import io.github.mtls.spring.certificate.CertificateOrigin;
import io.github.mtls.spring.error.MtlsReason;
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
 * <p>
 * Every counter is registered when the listener is created, one per value of each tag's
 * fixed set (held in maps keyed by those enums), so a request only increments a counter
 * it already holds: nothing on the request path registers a meter or looks one up by its
 * tags.
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

	private final Map<ServerConnector, Map<CertificateOrigin, Counter>> authenticated = new EnumMap<>(
			ServerConnector.class);

	private final Map<ServerConnector, Map<MtlsReason, Rejected>> rejected = new EnumMap<>(ServerConnector.class);

	/**
	 * Create a listener whose refusal counters carry each reason's default MyData code.
	 * @param registry where the counters live
	 */
	public MtlsMetricsListener(MeterRegistry registry) {
		this(registry, MtlsReason::rspCode);
	}

	/**
	 * Create a listener.
	 * @param registry where the counters live
	 * @param rspCodes the MyData code the response carries for each reason
	 */
	public MtlsMetricsListener(MeterRegistry registry, Function<MtlsReason, String> rspCodes) {
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(rspCodes, "rspCodes cannot be null");
		this.registry = registry;
		for (ServerConnector connector : ServerConnector.values()) {
			Map<CertificateOrigin, Counter> byOrigin = new EnumMap<>(CertificateOrigin.class);
			for (CertificateOrigin origin : CertificateOrigin.values()) {
				byOrigin.put(origin,
						Counter.builder(AUTHENTICATED)
							.description("Requests authenticated by client certificate")
							.tag("origin", origin.name().toLowerCase(Locale.ROOT))
							.tag("connector", connector.tagValue())
							.register(registry));
			}
			this.authenticated.put(connector, byOrigin);
			Map<MtlsReason, Rejected> byReason = new EnumMap<>(MtlsReason.class);
			for (MtlsReason reason : MtlsReason.values()) {
				String rspCode = rspCodes.apply(reason);
				byReason.put(reason, new Rejected(rspCode, rejectedCounter(reason, rspCode, connector.tagValue())));
			}
			this.rejected.put(connector, byReason);
		}
	}

	private Counter rejectedCounter(MtlsReason reason, String rspCode, String connector) {
		return Counter.builder(REJECTED)
			.description("Requests refused by client certificate authentication or access rules")
			.tag("reason", reason.name())
			.tag("rsp_code", rspCode)
			.tag("connector", connector)
			.register(this.registry);
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return MtlsRejectionEvent.class.isAssignableFrom(eventType)
				|| AuthenticationSuccessEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof MtlsRejectionEvent rejection) {
			ServerConnector connector = ServerConnector.PARTNER.tagValue().equals(rejection.getConnector())
					? ServerConnector.PARTNER : ServerConnector.MAIN;
			// The constructor gives every connector and reason a counter.
			Rejected counted = Objects.requireNonNull(rejected(connector).get(rejection.getReason()));
			if (counted.rspCode().equals(rejection.getRspCode())) {
				counted.counter().increment();
			}
			else {
				// Only an error writer that answers with codes other than the configured
				// ones gets here.
				rejectedCounter(rejection.getReason(), rejection.getRspCode(), connector.tagValue()).increment();
			}
		}
		else if (event instanceof AuthenticationSuccessEvent success
				&& success.getAuthentication() instanceof MtlsAuthenticationToken token) {
			Map<CertificateOrigin, Counter> byOrigin = Objects.requireNonNull(this.authenticated.get(connector(token)));
			Objects.requireNonNull(byOrigin.get(token.getOrigin())).increment();
		}
	}

	private Map<MtlsReason, Rejected> rejected(ServerConnector connector) {
		return Objects.requireNonNull(this.rejected.get(connector));
	}

	private static ServerConnector connector(MtlsAuthenticationToken token) {
		return (token.getDetails() instanceof MtlsRequestDetails details) ? details.connector() : ServerConnector.MAIN;
	}

	private record Rejected(String rspCode, Counter counter) {

	}

}
