package io.github.mtls.sample.devpki;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.github.mtls.spring.mydata.OperatorRegistry;

/**
 * The {@code mydata-call} profile (application-mydata-call.yml): {@code /v2/**} wants the
 * operator's certificate and an access token. The development PKI's token key verifies
 * the tokens: with a {@link JwtDecoder} bean, the starter's default chain runs Spring
 * Security's resource server. Without the development PKI, configure
 * {@code spring.security.oauth2.resourceserver.jwt.*} and Boot makes the decoder.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@Profile(MyDataCallConfiguration.PROFILE)
public class MyDataCallConfiguration {

	/**
	 * The profile's name.
	 */
	public static final String PROFILE = "mydata-call";

	@Bean
	@ConditionalOnProperty(DevPkiEnvironmentPostProcessor.LOCATION_PROPERTY)
	JwtDecoder devPkiJwtDecoder(Environment environment) {
		DevPki pki = new DevPki(
				Path.of(environment.getRequiredProperty(DevPkiEnvironmentPostProcessor.LOCATION_PROPERTY)));
		// Default validators: expiry and, when a token has one, its cnf.x5t#S256 against
		// the certificate the starter authenticated.
		return NimbusJwtDecoder.withPublicKey(pki.tokenPublicKey()).build();
	}

	@Bean
	MyDataCallCurlCommands myDataCallCurlCommands(OperatorRegistry registry) {
		return new MyDataCallCurlCommands(registry, Clock.systemUTC());
	}

}
