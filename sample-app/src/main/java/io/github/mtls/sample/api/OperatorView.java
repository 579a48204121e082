package io.github.mtls.sample.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * The body of {@code GET /whoami}: the authenticated operator as the registry knows it.
 *
 * @param orgCode the primary org code
 * @param businessNumber the business registration number
 * @param name the display name
 * @param scopes the granted scopes, sorted
 * @param fingerprint the SHA-256 fingerprint of the client certificate
 * @author mtls-spring-boot
 */
public record OperatorView(@JsonProperty("org_code") String orgCode,
		@JsonProperty("business_number") String businessNumber, @JsonProperty("name") String name,
		@JsonProperty("scopes") List<String> scopes, @JsonProperty("fingerprint") String fingerprint) {

	public OperatorView {
		scopes = List.copyOf(scopes);
	}

	/**
	 * Create the view of an operator.
	 * @param operator the authenticated operator
	 * @return the view
	 */
	public static OperatorView of(MyDataOperator operator) {
		return new OperatorView(operator.orgCode(), operator.businessNumber(), operator.name(),
				operator.scopes().stream().sorted().toList(), operator.certificateFingerprint());
	}

}
