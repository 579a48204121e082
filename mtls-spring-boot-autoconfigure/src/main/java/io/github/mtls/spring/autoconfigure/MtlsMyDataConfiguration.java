package io.github.mtls.spring.autoconfigure;

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
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

import io.github.mtls.spring.mydata.CompositeOperatorRegistry;
import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.orglist.FileOrgListSource;
import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListParser;
import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.mydata.orglist.OrgListSource;
import io.github.mtls.spring.security.AccessTokenBinding;
import io.github.mtls.spring.tranid.TranIdRequirement;

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
				MtlsBackgroundScheduler scheduler, ResourceLoader resourceLoader) {
			MtlsProperties.Registry registry = properties.mydata().registry();
			if (registry.refreshInterval().isNegative() || registry.refreshInterval().isZero()) {
				throw new InvalidConfigurationPropertyValueException("mtls.mydata.registry.refresh-interval",
						registry.refreshInterval(), "The refresh interval must be positive.");
			}
			if (registry.timeout().isNegative() || registry.timeout().isZero()) {
				throw new InvalidConfigurationPropertyValueException("mtls.mydata.registry.timeout", registry.timeout(),
						"The timeout must be positive.");
			}
			OrgListSource source = source(registry, sslBundles, resourceLoader);
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

		private static OrgListSource source(MtlsProperties.Registry registry, ObjectProvider<SslBundles> sslBundles,
				ResourceLoader resourceLoader) {
			OrgListSource source;
			try {
				source = OrgListSource.forLocation(registry.location(), registry.timeout(),
						() -> sslContext(registry.sslBundle(), sslBundles), resourceLoader);
			}
			catch (IllegalArgumentException ex) {
				String location = registry.location();
				throw new InvalidConfigurationPropertyValueException(LOCATION,
						(location != null) ? location.trim() : null, ex.getMessage());
			}
			if (source instanceof FileOrgListSource && StringUtils.hasText(registry.sslBundle())) {
				throw new InvalidConfigurationPropertyValueException("mtls.mydata.registry.ssl-bundle",
						registry.sslBundle(), "An SSL bundle applies to an https: location only.");
			}
			return source;
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
