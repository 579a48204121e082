package io.github.mtls.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;

import io.github.mtls.spring.source.PeerAddressValve;

/**
 * Auto-configuration of embedded Tomcat's client authentication from
 * {@code mtls.client-auth}.
 *
 * @author mtls-spring-boot
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "mtls.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
@EnableConfigurationProperties(MtlsProperties.class)
public final class MtlsTomcatAutoConfiguration {

	MtlsTomcatAutoConfiguration() {
	}

	@Bean
	MtlsClientAuthCustomizer mtlsClientAuthCustomizer(MtlsProperties properties) {
		return new MtlsClientAuthCustomizer(properties.clientAuth());
	}

	@Bean
	TomcatContextCustomizer mtlsPeerAddressValveCustomizer() {
		return (context) -> context.getPipeline().addValve(new PeerAddressValve());
	}

}
