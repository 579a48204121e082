package io.github.mtls.spring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.mtls.spring.mydata.CompositeOperatorRegistry;
import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.orglist.FileOrgListSource;
import io.github.mtls.spring.mydata.orglist.HttpsOrgListSource;
import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListParser;
import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.mydata.orglist.OrgListSource;
import io.github.mtls.spring.security.AccessTokenBinding;
import io.github.mtls.spring.security.TranIdRequirement;

/**
 * MyData wiring: the operator registry (inline operators, combined with the portal's org
 * list when {@code mtls.mydata.registry.location} is set; a user's
 * {@link OperatorRegistry} bean replaces both) and the {@code x-api-tran-id} requirement.
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
class MtlsMyDataConfiguration {

	private static final String LOCATION = "mtls.mydata.registry.location";

	@Bean
	@ConditionalOnMissingBean
	TranIdRequirement mtlsTranIdRequirement(MtlsProperties properties) {
		return new TranIdRequirement(properties.mydata().requireTranId());
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenBinding mtlsAccessTokenBinding(MtlsProperties properties) {
		Map<String, Set<String>> clientIds = new LinkedHashMap<>();
		for (MtlsProperties.Operator operator : properties.mydata().operators()) {
			String orgCode = operator.orgCode();
			if (orgCode != null && !operator.clientIds().isEmpty()) {
				clientIds.computeIfAbsent(orgCode.trim(), (key) -> new LinkedHashSet<>())
					.addAll(operator.clientIds().stream().map(String::trim).filter((id) -> !id.isEmpty()).toList());
			}
		}
		return new AccessTokenBinding(properties.tokenBinding().claim(), clientIds);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(OperatorRegistry.class)
	static class RegistryConfiguration {

		@Bean
		@ConditionalOnProperty(LOCATION)
		@ConditionalOnMissingBean
		OrgListRefresher mtlsOrgListRefresher(MtlsProperties properties, ObjectProvider<SslBundles> sslBundles,
				MtlsBackgroundScheduler scheduler) {
			MtlsProperties.Registry registry = properties.mydata().registry();
			if (registry.refreshInterval().isNegative() || registry.refreshInterval().isZero()) {
				throw new InvalidConfigurationPropertyValueException("mtls.mydata.registry.refresh-interval",
						registry.refreshInterval(), "The refresh interval must be positive.");
			}
			if (registry.timeout().isNegative() || registry.timeout().isZero()) {
				throw new InvalidConfigurationPropertyValueException("mtls.mydata.registry.timeout", registry.timeout(),
						"The timeout must be positive.");
			}
			OrgListSource source = source(registry, sslBundles);
			OrgListOperatorRegistry orgList = new OrgListOperatorRegistry(source, new OrgListParser(),
					registry.orgTypes(), registry.defaultScopes());
			return new OrgListRefresher(orgList, registry.refreshInterval(), scheduler.scheduler());
		}

		@Bean
		OperatorRegistry mtlsOperatorRegistry(MtlsProperties properties, ObjectProvider<OrgListRefresher> refresher,
				Environment environment) {
			InMemoryOperatorRegistry inline = new InMemoryOperatorRegistry(InlineOperators.toRegistrations(
					properties.mydata().operators(), ConfiguredLists.sourceOf(environment, InlineOperators.LIST)));
			OrgListRefresher orgList = refresher.getIfAvailable();
			return (orgList != null) ? new CompositeOperatorRegistry(inline, orgList.getRegistry()) : inline;
		}

		private static OrgListSource source(MtlsProperties.Registry registry, ObjectProvider<SslBundles> sslBundles) {
			String location = registry.location();
			if (location == null || !StringUtils.hasText(location)) {
				throw new InvalidConfigurationPropertyValueException(LOCATION, location,
						"Expected a file: path or an https: URL.");
			}
			location = location.trim();
			if (location.startsWith("file:")) {
				if (StringUtils.hasText(registry.sslBundle())) {
					throw new InvalidConfigurationPropertyValueException("mtls.mydata.registry.ssl-bundle",
							registry.sslBundle(), "An SSL bundle applies to an https: location only.");
				}
				return new FileOrgListSource(path(location));
			}
			if (location.regionMatches(true, 0, "https:", 0, 6)) {
				URI uri;
				try {
					uri = URI.create(location);
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidConfigurationPropertyValueException(LOCATION, location, "Not a valid URL.");
				}
				if (uri.getHost() == null) {
					throw new InvalidConfigurationPropertyValueException(LOCATION, location, "The URL names no host.");
				}
				return new HttpsOrgListSource(uri, sslContext(registry.sslBundle(), sslBundles), registry.timeout());
			}
			throw new InvalidConfigurationPropertyValueException(LOCATION, location,
					"Expected a file: path or an https: URL (plain http: is refused).");
		}

		private static Path path(String location) {
			String path = location.substring("file:".length());
			try {
				return path.startsWith("//") ? Paths.get(URI.create(location)) : Paths.get(path);
			}
			catch (RuntimeException ex) {
				throw new InvalidConfigurationPropertyValueException(LOCATION, location, "Not a valid file path.");
			}
		}

		private static @Nullable SSLContext sslContext(@Nullable String bundle, ObjectProvider<SslBundles> sslBundles) {
			if (!StringUtils.hasText(bundle)) {
				return null;
			}
			SslBundles bundles = sslBundles.getIfAvailable();
			try {
				if (bundles == null) {
					throw new NoSuchSslBundleException(bundle, "No SSL bundles are configured");
				}
				return bundles.getBundle(bundle).createSslContext();
			}
			catch (NoSuchSslBundleException ex) {
				throw new InvalidConfigurationPropertyValueException("mtls.mydata.registry.ssl-bundle", bundle,
						"No spring.ssl.bundle of that name is configured.");
			}
		}

	}

}
