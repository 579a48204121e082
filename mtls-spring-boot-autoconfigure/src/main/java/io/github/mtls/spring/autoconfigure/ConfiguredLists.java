package io.github.mtls.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Explains a list element of {@code mtls.access-rules} or {@code mtls.mydata.operators}
 * that lacks a required field. Boot binds such a list from the highest-precedence source
 * that sets any of its elements and ignores the others: an environment variable
 * {@code MTLS_ACCESSRULES_0_SCOPES} replaces the whole list of {@code application.yml},
 * and the rule's {@code path} is then missing, not invalid. Boot's analysis of an invalid
 * value would point at the {@code application.yml} line that was never bound.
 *
 * @author mtls-spring-boot
 */
final class ConfiguredLists {

	private ConfiguredLists() {
	}

	/**
	 * Return the name of the property source the list is bound from.
	 * @param environment the environment
	 * @param list the list's name, such as {@code mtls.access-rules}
	 * @return the highest-precedence source that sets an element of the list, or
	 * {@code null} when none does
	 */
	static @Nullable String sourceOf(Environment environment, String list) {
		ConfigurationPropertyName name = ConfigurationPropertyName.of(list);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
				return (source.getUnderlyingSource() instanceof PropertySource<?> propertySource)
						? propertySource.getName() : source.toString();
			}
		}
		return null;
	}

	/**
	 * Return the startup failure for an element without a required field.
	 * @param list the list's name, such as {@code mtls.access-rules}
	 * @param index the element's index
	 * @param field the missing field, such as {@code path}
	 * @param requirement what the field must hold
	 * @param source the property source the list is bound from, or {@code null}
	 * @return the exception to throw
	 */
	static MtlsStartupException missingField(String list, int index, String field, String requirement,
			@Nullable String source) {
		String element = list + "[" + index + "]";
		String from = (source != null) ? " The list " + list + " is bound from property source '" + source + "' alone."
				: "";
		return new MtlsStartupException(element + " has no " + field + ". " + requirement + from,
				"Set " + element + "." + field + ". A list is bound as a whole from the highest-precedence "
						+ "property source that sets any of its elements: an environment variable or "
						+ "command-line argument that sets one field of one element (such as " + "--" + element
						+ ".<field>) replaces the list of application.yml, so that source must "
						+ "give every field of every element.");
	}

}
