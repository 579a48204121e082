package io.github.mtls.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import io.github.mtls.spring.security.ManagementEndpoints;

/**
 * Guards Actuator's web endpoints other than health when Actuator is present: only access
 * rules whose path lies below the endpoints' base path (or an endpoint's own path, when
 * the base path is {@code /}) reach them.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints")
class MtlsManagementEndpointsConfiguration {

	@Bean
	@ConditionalOnBean(PathMappedEndpoints.class)
	@ConditionalOnMissingBean
	ManagementEndpoints mtlsManagementEndpoints(PathMappedEndpoints endpoints) {
		// With the base path at the root, each endpoint's own path is what a rule must
		// name.
		String basePath = endpoints.getBasePath();
		List<String> prefixes = (basePath.isEmpty() || basePath.equals("/"))
				? new ArrayList<>(endpoints.getAllRootPaths()) : List.of(basePath);
		// The links page lists every exposed endpoint: it is guarded like them.
		return new ManagementEndpoints(
				new OrRequestMatcher(EndpointRequest.toAnyEndpoint().excluding("health"), EndpointRequest.toLinks()),
				prefixes);
	}

}
