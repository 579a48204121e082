package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata as it ships: the file the annotation processor wrote beside
 * {@link MtlsProperties} (in the module's classes or its jar), merged with
 * {@code additional-spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final Path CONFIGURATION_DOC = Path.of("..", "docs", "configuration.md");

	@Test
	void errorCodesHaveAKeyHintForEveryReasonInTheFormTheBinderAccepts() throws IOException {
		List<String> keys = hintValues(metadata(), "mtls.errors.codes.keys");
		assertThat(keys).containsExactlyInAnyOrderElementsOf(Arrays.stream(MtlsReason.values())
			.map((reason) -> reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.toList());
		for (String key : keys) {
			Map<MtlsReason, MtlsProperties.Code> codes = new Binder(
					new MapConfigurationPropertySource(Map.of("mtls.errors.codes." + key + ".status", "401")))
				.bind("mtls.errors.codes", Bindable.mapOf(MtlsReason.class, MtlsProperties.Code.class))
				.get();
			assertThat(codes.keySet()).singleElement()
				.satisfies((reason) -> assertThat(reason.name()).isEqualToIgnoringCase(key.replace('-', '_')));
		}
	}

	@Test
	void stringPropertiesWithAClosedSetOfFormsHaveValueHints() throws IOException {
		JsonNode metadata = metadata();
		assertThat(hintValues(metadata, "mtls.validation.required-extended-key-usage")).contains("client-auth",
				"server-auth", "ocsp-signing");
		assertThat(hintValues(metadata, "mtls.forwarded.format")).contains("auto", "rfc9440", "url-encoded-pem",
				"aws-alb");
		assertThat(hintValues(metadata, "mtls.forwarded.header")).contains("X-SSL-Client-Cert", "Client-Cert");
		assertThat(hintValues(metadata, "mtls.mydata.registry.org-types")).containsExactly("03", "07");
	}

	@Test
	void everyHintNamesAnExistingProperty() throws IOException {
		JsonNode metadata = metadata();
		Set<String> properties = propertyNames(metadata);
		for (JsonNode hint : metadata.get("hints")) {
			String name = hint.get("name").asString().replaceFirst("\\.(keys|values)$", "");
			assertThat(properties).as("hint %s", hint.get("name").asString()).contains(name);
		}
	}

	@Test
	void listPropertiesDescribeTheirElementKeys() throws IOException {
		Map<String, String> descriptions = descriptions(metadata());
		assertThat(descriptions.get("mtls.access-rules")).contains("path (required)", "permit-all",
				"replaces the whole list");
		assertThat(descriptions.get("mtls.mydata.operators")).contains("org-code (required)", "business-number",
				"replaces the whole list");
	}

	@Test
	void everyMtlsPropertyInTheMetadataIsDocumented() throws IOException {
		String doc = Files.readString(CONFIGURATION_DOC);
		List<String> undocumented = new ArrayList<>();
		// management.endpoint.mtls.* are Boot's standard endpoint keys
		for (String name : propertyNames(metadata())) {
			if (name.startsWith("mtls.") && !isDocumented(doc, name)) {
				undocumented.add(name);
			}
		}
		assertThat(undocumented).as("properties missing from %s", CONFIGURATION_DOC).isEmpty();
	}

	// A key appears in full, or as a row of the table under its group's heading
	private static boolean isDocumented(String doc, String name) {
		if (doc.contains("`" + name + "`") || doc.contains("`" + name + "[]") || doc.contains("`" + name + ".")) {
			return true;
		}
		int dot = name.lastIndexOf('.');
		return doc.contains("`" + name.substring(0, dot) + "`")
				&& doc.contains("| `" + name.substring(dot + 1) + "` |");
	}

	// The file from the jar or directory MtlsProperties itself comes from
	private static JsonNode metadata() throws IOException {
		String location = MtlsProperties.class.getProtectionDomain().getCodeSource().getLocation().getPath();
		URL metadata = Collections.list(MtlsProperties.class.getClassLoader().getResources(METADATA))
			.stream()
			.filter((candidate) -> candidate.getPath().contains(location))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + METADATA + " in " + location));
		try (InputStream stream = metadata.openStream()) {
			return JsonMapper.builder().build().readTree(stream);
		}
	}

	private static Set<String> propertyNames(JsonNode metadata) {
		return metadata.get("properties")
			.valueStream()
			.map((property) -> property.get("name").asString())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Map<String, String> descriptions(JsonNode metadata) {
		return metadata.get("properties")
			.valueStream()
			.filter((property) -> property.has("description"))
			.collect(Collectors.toMap((property) -> property.get("name").asString(),
					(property) -> property.get("description").asString()));
	}

	private static List<String> hintValues(JsonNode metadata, String name) {
		for (JsonNode hint : metadata.get("hints")) {
			if (hint.get("name").asString().equals(name)) {
				return hint.get("values").valueStream().map((value) -> value.get("value").asString()).toList();
			}
		}
		throw new AssertionError("no hint named " + name);
	}

}
