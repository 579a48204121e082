package io.github.mtls.spring.benchmarks.baseline;

import org.apache.catalina.valves.SSLValve;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code forwarded} profile: behind a proxy, Tomcat's {@link SSLValve} turns the
 * caller's certificate forwarded as nginx's {@code $ssl_client_escaped_cert} (URL-encoded
 * PEM) into the {@code jakarta.servlet.request.X509Certificate} attribute that
 * {@code x509()} reads. The valve believes the header from any peer and validates
 * nothing: the cheapest forwarded path there is, the comparison for the starter's decoded
 * and re-validated one.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@Profile("forwarded")
class ForwardedCertificateConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> sslValve(
			@Value("${baseline.forwarded.header}") String header) {
		return (factory) -> {
			SSLValve valve = new SSLValve();
			valve.setSslClientEscapedCertHeader(header);
			factory.addEngineValves(valve);
		};
	}

}
