package io.github.mtls.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.github.mtls.spring.source.PeerAddressValve;
import io.github.mtls.spring.tomcat.UnreadBodyValve;

/**
 * Auto-configuration of embedded Tomcat's client authentication from
 * {@code mtls.client-auth}, on the main connector or, with {@code mtls.connector.port},
 * on a partner connector beside it (the main connector then keeps
 * {@code server.ssl.client-auth}).
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
@EnableConfigurationProperties(MtlsProperties.class)
public final class MtlsTomcatAutoConfiguration {

	MtlsTomcatAutoConfiguration() {
	}

	@Bean
	MtlsClientAuthCustomizer mtlsClientAuthCustomizer(MtlsProperties properties) {
		// With a partner port, client authentication is the partner connector's; the main
		// one stays as server.ssl set it.
		return new MtlsClientAuthCustomizer(
				properties.connector().isConfigured() ? MtlsProperties.ClientAuth.NONE : properties.clientAuth());
	}

	@Bean
	@ConditionalOnProperty("mtls.connector.port")
	MtlsPartnerConnectorCustomizer mtlsPartnerConnectorCustomizer(MtlsProperties properties, SslBundles sslBundles,
			Environment environment) {
		return new MtlsPartnerConnectorCustomizer(PartnerConnectorSettings.of(properties, sslBundles, environment),
				sslBundles);
	}

	@Bean
	TomcatContextCustomizer mtlsPeerAddressValveCustomizer() {
		return (context) -> context.getPipeline().addValve(new PeerAddressValve());
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> mtlsUnreadBodyValveCustomizer() {
		return (factory) -> factory.addEngineValves(new UnreadBodyValve());
	}

}
