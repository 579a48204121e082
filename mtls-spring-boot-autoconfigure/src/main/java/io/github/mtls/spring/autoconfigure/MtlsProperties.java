package io.github.mtls.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.github.mtls.spring.mydata.OperatorStatus;

/**
 * Configuration of mutual-TLS client certificate authentication.
 *
 * @param enabled whether the starter is on
 * @param clientAuth client authentication demanded by embedded Tomcat: need, want, or
 * none to leave the connector as server.ssl set it
 * @param trustBundle name of the spring.ssl.bundle holding the client CA anchors callers
 * must chain to; unset means the server's own SSL trust store
 * @param validation validation of client certificate chains
 * @param mydata MyData operator registry
 * @param accessRules access rules, in order; the first match wins and paths no rule names
 * need an authenticated operator
 * @author mtls-spring-boot
 */
@ConfigurationProperties("mtls")
public record MtlsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("need") ClientAuth clientAuth,
		@Nullable String trustBundle, @DefaultValue Validation validation, @DefaultValue MyData mydata,
		@DefaultValue List<AccessRule> accessRules) {

	public MtlsProperties {
		accessRules = List.copyOf(accessRules);
	}

	/**
	 * Client authentication demanded by the embedded web server.
	 */
	public enum ClientAuth {

		/** The handshake fails without a client certificate trusted by the server. */
		NEED,

		/**
		 * A client certificate is asked for; requests without one reach the application.
		 */
		WANT,

		/** The connector is left as {@code server.ssl} set it. */
		NONE

	}

	/**
	 * Validation of client certificate chains.
	 *
	 * @param requiredExtendedKeyUsage extended key usages the client certificate must all
	 * carry: names (client-auth, server-auth, code-signing, email-protection,
	 * time-stamping, ocsp-signing) or OIDs; empty admits certificates without the
	 * extension
	 * @param clockSkew how far a certificate's validity bounds may be missed
	 * @param maxChainLength largest number of intermediate CA certificates in a chain
	 */
	public record Validation(@DefaultValue("client-auth") List<String> requiredExtendedKeyUsage,
			@DefaultValue("30s") Duration clockSkew, @DefaultValue("5") int maxChainLength) {

		public Validation {
			requiredExtendedKeyUsage = List.copyOf(requiredExtendedKeyUsage);
		}

	}

	/**
	 * MyData operator registry.
	 *
	 * @param operators registered operators
	 */
	public record MyData(@DefaultValue List<Operator> operators) {

		public MyData {
			operators = List.copyOf(operators);
		}

	}

	/**
	 * One registered operator (one org code).
	 *
	 * @param orgCode org code, aN(10)
	 * @param businessNumber business registration number
	 * @param serialNumber SERIALNUMBER as registered with the portal (serial_num); unset
	 * means the business number
	 * @param name display name
	 * @param status whether the operator may call
	 * @param scopes granted scopes, such as bank.list
	 * @param certificateFingerprints SHA-256 fingerprints of the only certificates
	 * accepted for the operator; empty accepts any certificate with its serial number
	 */
	public record Operator(@Nullable String orgCode, @Nullable String businessNumber, @Nullable String serialNumber,
			@Nullable String name, @DefaultValue("active") OperatorStatus status, @DefaultValue List<String> scopes,
			@DefaultValue List<String> certificateFingerprints) {

		public Operator {
			scopes = List.copyOf(scopes);
			certificateFingerprints = List.copyOf(certificateFingerprints);
		}

	}

	/**
	 * One access rule.
	 *
	 * @param path path pattern below the context path, such as /v2/bank/**
	 * @param methods HTTP methods the rule applies to; empty means any
	 * @param scopes scopes the operator must all hold
	 * @param permitAll whether anyone may call, with or without a certificate
	 */
	public record AccessRule(@Nullable String path, @DefaultValue List<String> methods,
			@DefaultValue List<String> scopes, @DefaultValue("false") boolean permitAll) {

		public AccessRule {
			methods = List.copyOf(methods);
			scopes = List.copyOf(scopes);
		}

	}

}
