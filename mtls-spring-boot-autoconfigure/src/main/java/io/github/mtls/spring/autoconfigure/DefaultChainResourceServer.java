package io.github.mtls.spring.autoconfigure;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.util.ClassUtils;

/**
 * Adds Spring Security's resource server to the starter's default chain when the
 * application has a {@link JwtDecoder} or an {@link OpaqueTokenIntrospector} bean (Boot's
 * resource-server auto-configuration makes one from
 * {@code spring.security.oauth2.resourceserver.*}): the starter's chain makes Boot's own
 * resource-server chain back off, and the token must then still be checked rather than
 * ignored.
 *
 * @author mtls-spring-boot
 */
final class DefaultChainResourceServer {

	private static final boolean RESOURCE_SERVER_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector",
			DefaultChainResourceServer.class.getClassLoader());

	private static final boolean JOSE_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.oauth2.jwt.JwtDecoder", DefaultChainResourceServer.class.getClassLoader());

	private DefaultChainResourceServer() {
	}

	static void apply(HttpSecurity http, ApplicationContext context) throws Exception {
		if (!RESOURCE_SERVER_PRESENT) {
			return;
		}
		Customizers.apply(http, context, JOSE_PRESENT);
	}

	/**
	 * Loaded only where the resource server is on the class path.
	 */
	private static final class Customizers {

		static void apply(HttpSecurity http, ApplicationContext context, boolean jose) throws Exception {
			if (jose && context.getBeanNamesForType(JwtDecoder.class).length > 0) {
				http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
			}
			else if (context.getBeanNamesForType(OpaqueTokenIntrospector.class).length > 0) {
				http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(Customizer.withDefaults()));
			}
		}

	}

}
