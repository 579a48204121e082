package io.github.mtls.spring.autoconfigure;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * Finds the properties under {@code mtls.} that the environment sets but
 * {@link MtlsProperties} does not bind, such as a misspelt
 * {@code mtls.forwarded.trusted-proxie}, each with the nearest key that does bind.
 * <p>
 * Detection is Boot's own: {@link MtlsProperties} is bound again with a
 * {@link NoUnboundElementsBindHandler}, which knows relaxed names, list and map elements
 * and lists replaced by a higher-precedence source. Unlike Boot's
 * {@code UnboundElementsSourceFilter}, environment variables and system properties are
 * included: {@code MTLS_FORWARDED_TRUSTEDPROXIE} is as much a typo as its YAML form. The
 * nearest key comes from the record tree itself, so a component added to
 * {@link MtlsProperties} is valid without further listing.
 *
 * @author mtls-spring-boot
 */
final class UnknownMtlsProperties {

	private static final String PREFIX = "mtls";

	private static final String ANY_INDEX = "[*]";

	private static final String ANY_KEY = "*";

	private static final List<List<String>> VALID_NAMES = collectValidNames();

	private UnknownMtlsProperties() {
	}

	/**
	 * Return the unknown properties the binder leaves unbound, in name order.
	 * @param binder binder over the environment
	 * @return the unknown properties; empty when all bind, or when binding fails for
	 * another reason (Boot's own binding of {@link MtlsProperties} reports that)
	 */
	static List<UnknownProperty> find(Binder binder) {
		ListSizes listSizes = new ListSizes();
		try {
			binder.bind(PREFIX, Bindable.of(MtlsProperties.class),
					new NoUnboundElementsBindHandler(listSizes, (source) -> true));
			return List.of();
		}
		catch (BindException ex) {
			if (!(ex.getCause() instanceof UnboundConfigurationPropertiesException unbound)) {
				return List.of();
			}
			List<UnknownProperty> unknown = new ArrayList<>();
			for (ConfigurationProperty property : unbound.getUnboundProperties()) {
				if (listSizes.isDropped(property.getName())) {
					continue;
				}
				unknown.add(new UnknownProperty(property.getName().toString(),
						(property.getOrigin() != null) ? property.getOrigin().toString() : null,
						nearest(property.getName())));
			}
			unknown.sort(Comparator.comparing(UnknownProperty::name));
			return unknown;
		}
	}

	/**
	 * Return the valid key nearest to {@code name}, with its list indexes and map keys.
	 * @param name an unbound name under {@code mtls}
	 * @return the nearest valid key
	 */
	static String nearest(ConfigurationPropertyName name) {
		String typed = comparable(name.toString());
		String best = "";
		int bestDistance = Integer.MAX_VALUE;
		for (List<String> valid : VALID_NAMES) {
			String candidate = concrete(valid, name);
			int distance = distance(typed, comparable(candidate));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * Return the valid keys of {@link MtlsProperties}, {@code [*]} standing for a list
	 * index and {@code *} for a map key.
	 * @return the valid keys, such as {@code mtls.mydata.operators[*].org-code}
	 */
	static List<String> validNames() {
		List<String> names = new ArrayList<>();
		for (List<String> elements : VALID_NAMES) {
			names.add(join(elements));
		}
		return names;
	}

	private static String concrete(List<String> valid, ConfigurationPropertyName name) {
		List<String> elements = new ArrayList<>(valid.size());
		for (int i = 0; i < valid.size(); i++) {
			String element = valid.get(i);
			boolean given = i < name.getNumberOfElements();
			if (ANY_INDEX.equals(element) && given && name.isNumericIndex(i)) {
				element = "[" + name.getElement(i, Form.ORIGINAL) + "]";
			}
			else if (ANY_KEY.equals(element) && given) {
				element = name.getElement(i, Form.DASHED);
			}
			elements.add(element);
		}
		return join(elements);
	}

	private static String join(List<String> elements) {
		StringBuilder name = new StringBuilder();
		for (String element : elements) {
			if (!name.isEmpty() && !element.startsWith("[")) {
				name.append('.');
			}
			name.append(element);
		}
		return name.toString();
	}

	// Relaxed forms differ in dashes only: trusted-proxies, trustedProxies,
	// TRUSTEDPROXIES
	private static String comparable(String name) {
		return name.replace("-", "");
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static List<List<String>> collectValidNames() {
		List<List<String>> names = new ArrayList<>();
		collect(MtlsProperties.class, List.of(PREFIX), names);
		return List.copyOf(names);
	}

	private static void collect(Class<?> record, List<String> prefix, List<List<String>> names) {
		for (RecordComponent component : record.getRecordComponents()) {
			List<String> name = new ArrayList<>(prefix);
			name.add(DataObjectPropertyName.toDashedForm(component.getName()));
			Class<?> nested = nestedRecord(component.getGenericType(), name);
			if (nested != null) {
				collect(nested, name, names);
			}
			else {
				names.add(List.copyOf(name));
			}
		}
	}

	// A record, a collection of records or a map to records has keys below it
	private static @Nullable Class<?> nestedRecord(Type type, List<String> name) {
		if (type instanceof Class<?> candidate && candidate.isRecord()) {
			return candidate;
		}
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			Type[] arguments = parameterized.getActualTypeArguments();
			Type element = arguments[arguments.length - 1];
			if (element instanceof Class<?> elementType && elementType.isRecord()) {
				if (Collection.class.isAssignableFrom(raw)) {
					name.add(ANY_INDEX);
					return elementType;
				}
				if (Map.class.isAssignableFrom(raw)) {
					name.add(ANY_KEY);
					return elementType;
				}
			}
		}
		return null;
	}

	/**
	 * A property under {@code mtls.} that nothing binds.
	 *
	 * @param name the property's name
	 * @param origin where it is set, such as a file and line or an environment variable;
	 * {@code null} when unknown
	 * @param nearest the nearest valid key
	 */
	record UnknownProperty(String name, @Nullable String origin, String nearest) {

		String describe() {
			String where = (this.origin != null) ? " (" + this.origin + ")" : "";
			return this.name + where + ": did you mean " + this.nearest + "?";
		}

	}

	/**
	 * Records the size of every list bound, so that an element of a list a
	 * higher-precedence source replaced with a shorter one is not taken for a typo.
	 * Boot's handler knows such elements only one level down: with {@code operators[0].*}
	 * on the command line, {@code operators[1].org-code} from {@code application.yml} is
	 * known as replaced, but {@code operators[1].scopes[0]} is reported.
	 */
	private static final class ListSizes extends AbstractBindHandler {

		private final Map<ConfigurationPropertyName, Integer> sizes = new HashMap<>();

		@Override
		public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
				Object result) {
			if (result instanceof Collection<?> collection) {
				this.sizes.put(name, collection.size());
			}
			return super.onSuccess(name, target, context, result);
		}

		/**
		 * Return whether a name lies under a list element past the end of the list as
		 * bound: its list was replaced by a shorter one.
		 * @param name an unbound name
		 * @return whether its element was dropped
		 */
		boolean isDropped(ConfigurationPropertyName name) {
			for (int i = 1; i < name.getNumberOfElements(); i++) {
				if (!name.isNumericIndex(i)) {
					continue;
				}
				Integer size = this.sizes.get(name.chop(i));
				if (size != null && Long.parseLong(name.getElement(i, Form.ORIGINAL)) >= size) {
					return true;
				}
			}
			return false;
		}

	}

}
