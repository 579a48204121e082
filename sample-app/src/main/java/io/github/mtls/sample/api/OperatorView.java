package io.github.mtls.sample.api;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * The body of {@code GET /whoami}: the authenticated operator as the registry knows it,
 * and the access token's subject and scopes when the call carried one.
 *
 * @param orgCode the primary org code
 * @param orgCodes every org code the operator holds (one per industry it is registered
 * for), the primary first
 * @param businessNumber the business registration number
 * @param name the display name
 * @param scopes the granted scopes, sorted
 * @param fingerprint the SHA-256 fingerprint of the client certificate
 * @param industries the industries of its org codes, sorted
 * @param orgTypes the org types of its org codes, sorted
 * @param clientAddress the caller's address as the starter resolved it, or {@code null}
 * @param tokenSubject the access token's {@code sub} (the customer), absent without a
 * token
 * @param tokenScopes the access token's scopes, sorted, absent without a token
 * @author mtls-spring-boot
 */
public record OperatorView(@JsonProperty("org_code") String orgCode, @JsonProperty("org_codes") List<String> orgCodes,
		@JsonProperty("business_number") String businessNumber, @JsonProperty("name") String name,
		@JsonProperty("scopes") List<String> scopes, @JsonProperty("fingerprint") String fingerprint,
		@JsonProperty("industries") List<String> industries, @JsonProperty("org_types") List<String> orgTypes,
		@JsonProperty("client_address") @Nullable String clientAddress,
		@JsonProperty("token_subject") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String tokenSubject,
		@JsonProperty("token_scopes") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> tokenScopes) {

	public OperatorView {
		orgCodes = List.copyOf(orgCodes);
		scopes = List.copyOf(scopes);
		industries = List.copyOf(industries);
		orgTypes = List.copyOf(orgTypes);
		tokenScopes = (tokenScopes != null) ? List.copyOf(tokenScopes) : null;
	}

	/**
	 * Create the view of an operator whose call carried no access token.
	 * @param operator the authenticated operator
	 * @param clientAddress the caller's address as the starter resolved it, or
	 * {@code null}
	 * @return the view
	 */
	public static OperatorView of(MyDataOperator operator, @Nullable String clientAddress) {
		return of(operator, clientAddress, null, null);
	}

	/**
	 * Create the view of an operator.
	 * @param operator the authenticated operator
	 * @param clientAddress the caller's address as the starter resolved it, or
	 * {@code null}
	 * @param tokenSubject the access token's subject, or {@code null} without a token
	 * @param tokenScopes the access token's scopes, or {@code null} without a token
	 * @return the view
	 */
	public static OperatorView of(MyDataOperator operator, @Nullable String clientAddress,
			@Nullable String tokenSubject, @Nullable Collection<String> tokenScopes) {
		return new OperatorView(operator.orgCode(), operator.orgCodes(), operator.businessNumber(), operator.name(),
				operator.scopes().stream().sorted().toList(), operator.certificateFingerprint(),
				operator.industries().stream().sorted().toList(), operator.orgTypes().stream().sorted().toList(),
				clientAddress, tokenSubject, (tokenScopes != null) ? tokenScopes.stream().sorted().toList() : null);
	}

}
