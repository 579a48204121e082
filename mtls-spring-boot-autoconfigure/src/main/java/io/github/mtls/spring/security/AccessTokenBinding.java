package io.github.mtls.spring.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * Which operator an access token was issued to: the token's binding claim (such as
 * {@code client_id}, {@code aud} or {@code azp}) must name one of the operator's org
 * codes or one of the client ids registered for them. A token issued to one operator and
 * presented with another's certificate is refused with
 * {@link io.github.mtls.spring.error.MtlsReason#TOKEN_NOT_BOUND}.
 *
 * @author mtls-spring-boot
 */
public final class AccessTokenBinding {

	private final @Nullable String claim;

	private final Map<String, Set<String>> clientIds;

	/**
	 * Create a binding.
	 * @param claim the binding claim, or {@code null} to check none
	 * @param clientIds client ids by org code
	 */
	public AccessTokenBinding(@Nullable String claim, Map<String, Set<String>> clientIds) {
		Assert.notNull(clientIds, "clientIds cannot be null");
		this.claim = (claim != null && !claim.isBlank()) ? claim.trim() : null;
		this.clientIds = Map.copyOf(clientIds);
	}

	/**
	 * Return a binding that checks nothing.
	 * @return the binding
	 */
	public static AccessTokenBinding none() {
		return new AccessTokenBinding(null, Map.of());
	}

	/**
	 * Whether a claim is checked at all.
	 * @return {@code true} if a binding claim is set
	 */
	public boolean isEnabled() {
		return this.claim != null;
	}

	/**
	 * Whether a token with the given attributes was issued to the operator. A token
	 * without the claim is not bound to anyone.
	 * @param attributes the token's claims or introspection attributes
	 * @param operator the operator presenting it
	 * @return {@code true} if bound, or if no claim is checked
	 */
	public boolean binds(Map<String, Object> attributes, MyDataOperator operator) {
		if (this.claim == null) {
			return true;
		}
		for (String value : values(attributes.get(this.claim))) {
			for (String orgCode : operator.orgCodes()) {
				if (orgCode.equals(value) || this.clientIds.getOrDefault(orgCode, Set.of()).contains(value)) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<String> values(@Nullable Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (value != null) ? List.of(String.valueOf(value)) : List.of();
	}

}
