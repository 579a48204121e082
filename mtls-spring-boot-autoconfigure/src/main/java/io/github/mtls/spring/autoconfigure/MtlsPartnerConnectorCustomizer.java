package io.github.mtls.spring.autoconfigure;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http2.Http2Protocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.CompressionConnectorCustomizer;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;

import io.github.mtls.spring.source.ServerConnectorValve;

/**
 * Adds the partner connector ({@code mtls.connector.port}) to embedded Tomcat: TLS from
 * {@code mtls.connector.ssl-bundle} (else {@code server.ssl}'s key and trust material)
 * with client authentication from {@code mtls.client-auth}, and the same protocol, limits
 * and connector customizations as the main connector ({@code server.tomcat.*},
 * compression, HTTP/2, address). Its TLS reloads when its SSL bundle is updated, as
 * Boot's does for the main connector. The settings are checked by
 * {@link PartnerConnectorSettings} before this customizer exists.
 * <p>
 * The connector is configured while Tomcat customizes the main connector, so every
 * factory customizer, Boot's included, has run by then.
 *
 * @author mtls-spring-boot
 */
class MtlsPartnerConnectorCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private static final Log logger = LogFactory.getLog(MtlsPartnerConnectorCustomizer.class);

	private final PartnerConnectorSettings settings;

	private final SslBundles sslBundles;

	MtlsPartnerConnectorCustomizer(PartnerConnectorSettings settings, SslBundles sslBundles) {
		this.settings = settings;
		this.sslBundles = sslBundles;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		Connector partner = new Connector(factory.getProtocol());
		partner.setThrowOnFailure(true);
		factory.addAdditionalConnectors(partner);
		factory.addContextValves(new ServerConnectorValve(partner));
		factory.addConnectorCustomizers(new PartnerConnectorConfigurer(factory, partner));
	}

	private void configure(TomcatServletWebServerFactory factory, Connector main, Connector partner,
			TomcatConnectorCustomizer self) {
		partner.setPort(this.settings.port());
		ProtocolHandler handler = partner.getProtocolHandler();
		if (factory.getAddress() != null && handler instanceof AbstractProtocol<?> protocol) {
			protocol.setAddress(factory.getAddress());
		}
		if (StringUtils.hasText(factory.getServerHeader())) {
			partner.setProperty("server", factory.getServerHeader());
		}
		if (factory.getUriEncoding() != null) {
			partner.setURIEncoding(factory.getUriEncoding().name());
		}
		if (factory.getHttp2() != null && factory.getHttp2().isEnabled()) {
			partner.addUpgradeProtocol(new Http2Protocol());
		}
		LambdaSafe.callbacks(TomcatProtocolHandlerCustomizer.class, factory.getProtocolHandlerCustomizers(), handler)
			.invoke((customizer) -> customizer.customize(handler));
		configureSsl(factory, partner);
		shareExecutor(main, partner);
		new CompressionConnectorCustomizer(factory.getCompression()).customize(partner);
		for (TomcatConnectorCustomizer customizer : factory.getConnectorCustomizers()) {
			if (customizer != self) {
				customizer.customize(partner);
			}
		}
		logConnectors(factory, main);
	}

	/**
	 * Run the partner connector on the main connector's executor: one thread pool, sized
	 * by {@code server.tomcat.threads.*}, for both. The main connector creates its
	 * executor when it starts, before the additional connectors; the main one owns it and
	 * shuts it down.
	 * @param main the main connector, which owns the executor
	 * @param partner the partner connector, which borrows it
	 */
	private static void shareExecutor(Connector main, Connector partner) {
		partner.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				Executor executor = main.getProtocolHandler().getExecutor();
				if (executor != null) {
					partner.getProtocolHandler().setExecutor(executor);
				}
			}
		});
	}

	private void configureSsl(TomcatServletWebServerFactory factory, Connector partner) {
		String bundleName = this.settings.sslBundle();
		SslBundle bundle;
		if (bundleName != null) {
			bundle = this.sslBundles.getBundle(bundleName);
		}
		else {
			Ssl ssl = factory.getSsl();
			if (!Ssl.isEnabled(ssl)) {
				throw PartnerConnectorSettings.noServerSsl();
			}
			bundle = WebServerSslBundle.get(ssl, factory.getSslBundles());
			bundleName = ssl.getBundle();
		}
		SslConnectorCustomizer ssl = new SslConnectorCustomizer(logger, partner, clientAuth());
		ssl.customize(bundle, Map.of());
		if (StringUtils.hasText(bundleName)) {
			String name = bundleName;
			this.sslBundles.addBundleUpdateHandler(name, (updated) -> {
				ssl.update(null, updated);
				logger.info("Partner connector TLS reloaded from SSL bundle '" + name + "'");
			});
		}
	}

	private Ssl.ClientAuth clientAuth() {
		return (this.settings.clientAuth() == MtlsProperties.ClientAuth.WANT) ? Ssl.ClientAuth.WANT
				: Ssl.ClientAuth.NEED;
	}

	private void logConnectors(TomcatServletWebServerFactory factory, Connector main) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		Ssl ssl = factory.getSsl();
		String mainTls = !Ssl.isEnabled(ssl) ? "plain HTTP"
				: "TLS, client-auth " + name((ssl.getClientAuth() != null) ? ssl.getClientAuth() : Ssl.ClientAuth.NONE);
		String partnerTls = "TLS from " + ((this.settings.sslBundle() != null)
				? "SSL bundle '" + this.settings.sslBundle() + "'" : "server.ssl") + ", client-auth "
				+ name(clientAuth());
		logger.info("mTLS connectors: main port " + main.getPort() + " (" + mainTls + "; direct client "
				+ "certificates not read), partner port " + this.settings.port() + " (" + partnerTls + ")"
				+ (this.settings.paths().isEmpty() ? ""
						: "; served on the partner port only: " + String.join(", ", this.settings.paths())));
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	@Override
	public int getOrder() {
		// After ServletWebServerFactoryCustomizer (order 0), which copies server.ssl.
		return 20;
	}

	/**
	 * Configures the partner connector when Tomcat customizes the main one.
	 */
	private final class PartnerConnectorConfigurer implements TomcatConnectorCustomizer {

		private final TomcatServletWebServerFactory factory;

		private final Connector partner;

		private @Nullable Connector configured;

		PartnerConnectorConfigurer(TomcatServletWebServerFactory factory, Connector partner) {
			this.factory = factory;
			this.partner = partner;
		}

		@Override
		public void customize(Connector connector) {
			if (connector == this.partner || this.configured != null) {
				return;
			}
			this.configured = connector;
			configure(this.factory, connector, this.partner, this);
		}

	}

}
