package io.github.mtls.spring.autoconfigure;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers {@code key=value} pairs as dynamic test properties.
 */
final class Properties {

	private Properties() {
	}

	static void register(DynamicPropertyRegistry registry, String... pairs) {
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			String value = pair.substring(equals + 1);
			registry.add(pair.substring(0, equals), () -> value);
		}
	}

}
