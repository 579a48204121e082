package io.github.mtls.spring.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Names every property under {@code mtls.} that binds to nothing, with the nearest valid
 * key: a WARN, or a startup failure under {@code mtls.fail-on-unknown-properties: true}.
 * A bean factory post-processor, so it speaks before any starter bean is built and before
 * a failure that the misspelling itself may cause (a rule whose {@code path} was misspelt
 * has none).
 *
 * @author mtls-spring-boot
 */
final class MtlsUnknownPropertiesCheck implements BeanFactoryPostProcessor {

	static final String FAIL_PROPERTY = "mtls.fail-on-unknown-properties";

	private final Log logger = LogFactory.getLog(getClass());

	private final Environment environment;

	MtlsUnknownPropertiesCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Binder binder = Binder.get(this.environment);
		List<UnknownMtlsProperties.UnknownProperty> unknown = UnknownMtlsProperties.find(binder);
		if (unknown.isEmpty()) {
			return;
		}
		String list = unknown.stream()
			.map((property) -> "\t- " + property.describe())
			.collect(Collectors.joining(System.lineSeparator()));
		boolean fail = binder.bind(FAIL_PROPERTY, Boolean.class).orElse(false);
		if (fail) {
			throw new MtlsStartupException(
					"Unknown configuration properties under 'mtls.' (" + FAIL_PROPERTY + " is true):"
							+ System.lineSeparator() + list,
					"Correct or remove each property; the nearest valid key is given beside it.");
		}
		this.logger.warn("Unknown configuration properties under 'mtls.' are ignored (set " + FAIL_PROPERTY
				+ "=true to refuse to start):" + System.lineSeparator() + list);
	}

}
