package io.github.mtls.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.header.HeaderFormat;
import io.github.mtls.spring.mydata.OperatorStatus;
import io.github.mtls.spring.security.MtlsErrorFormat;
import io.github.mtls.spring.security.UnmatchedRequests;
import io.github.mtls.spring.source.UntrustedHeaderPolicy;

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
 * @param accessRules access rules, in order; the first match wins; a rule naming GET also
 * covers HEAD; each element has path (required), methods, scopes, permit-all, industries,
 * org-types and token-scopes; a source that sets any element, such as one environment
 * variable, replaces the whole list
 * @param unmatchedRequests what happens to requests no access rule matches: authenticated
 * (any authenticated operator may call) or deny (403 40301)
 * @param source where client certificates come from: direct (the TLS peer's chain),
 * forwarded (a trusted proxy's header only) or auto (the header when the TCP peer is a
 * trusted proxy, else the TLS peer's chain)
 * @param forwarded client certificates forwarded by trusted proxies in a request header
 * @param errors error responses: body format and per-reason codes
 * @param connector a second Tomcat connector, the partner port, with client
 * authentication beside the main port
 * @param health the mtls health indicator
 * @param tokenBinding binding of access tokens to the operator whose certificate presents
 * them, with Spring Security's resource server in the chain
 * @param failOnUnknownProperties whether a property under mtls. that binds to nothing,
 * such as a misspelt key, fails startup rather than logging a warning
 * @author mtls-spring-boot
 */
@ConfigurationProperties("mtls")
public record MtlsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("need") ClientAuth clientAuth,
		@Nullable String trustBundle, @DefaultValue Validation validation, @DefaultValue MyData mydata,
		@DefaultValue List<AccessRule> accessRules, @DefaultValue("authenticated") UnmatchedRequests unmatchedRequests,
		@DefaultValue("auto") Source source, @DefaultValue Forwarded forwarded, @DefaultValue Errors errors,
		@DefaultValue Connector connector, @DefaultValue Health health, @DefaultValue TokenBinding tokenBinding,
		@DefaultValue("false") boolean failOnUnknownProperties) {

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
	 * Where client certificates come from.
	 */
	public enum Source {

		/** The chain the TLS peer presented; forwarded headers are not read. */
		DIRECT,

		/** The header of a trusted proxy only; other peers have no certificate. */
		FORWARDED,

		/**
		 * The header when the TCP peer is a trusted proxy, else the TLS peer's chain.
		 */
		AUTO

	}

	/**
	 * A second Tomcat connector, the partner port, beside {@code server.port}: TLS with
	 * client authentication ({@code mtls.client-auth}) for operators, while the main port
	 * keeps {@code server.ssl.client-auth} for probes, browsers and internal callers.
	 *
	 * @param port port of the partner connector; unset means no second connector
	 * @param sslBundle name of the spring.ssl.bundle holding the partner connector's key
	 * and client CA trust store; unset means the key and trust material of server.ssl
	 * @param paths path patterns, such as /v2/**, served on the partner port only; the
	 * main port answers them 404 40401 before authentication; empty means both ports
	 * serve every path
	 */
	public record Connector(@Nullable Integer port, @Nullable String sslBundle, @DefaultValue List<String> paths) {

		public Connector {
			paths = List.copyOf(paths);
		}

		/**
		 * Return whether a partner connector is configured.
		 * @return whether {@link #port()} is set
		 */
		public boolean isConfigured() {
			return this.port != null;
		}

	}

	/**
	 * Client certificates forwarded by trusted proxies in a request header.
	 *
	 * @param header header carrying the client certificate
	 * @param chainHeader header carrying the intermediate certificates, when the format
	 * does not carry them in the main header
	 * @param format wire format of both headers: auto, rfc9440, xfcc, url-encoded-pem,
	 * pem, der-base64 or aws-alb
	 * @param trustedProxies IPv4 and IPv6 addresses and CIDRs of the proxies whose
	 * headers are believed; with trusted-proxy-certificates, both must match; both empty
	 * means no header is ever believed
	 * @param trustedProxyCertificates SHA-256 fingerprints (64 hex digits, colons
	 * optional) of the proxies' own TLS client certificates
	 * @param clientAddressHeader header in which trusted proxies put the caller's
	 * address, read from the right past trusted proxies
	 * @param maxHeaderBytes largest accepted value of each header
	 * @param onUntrustedHeader what to do with a request from any other peer that carries
	 * the header or the chain header: reject it (400) or ignore the headers
	 */
	public record Forwarded(@DefaultValue("X-SSL-Client-Cert") String header, @Nullable String chainHeader,
			@DefaultValue("auto") HeaderFormat format, @DefaultValue List<String> trustedProxies,
			@DefaultValue List<String> trustedProxyCertificates,
			@DefaultValue("X-Forwarded-For") String clientAddressHeader,
			@DefaultValue("16384") @DataSizeUnit(DataUnit.BYTES) DataSize maxHeaderBytes,
			@DefaultValue("reject") UntrustedHeaderPolicy onUntrustedHeader) {

		public Forwarded {
			trustedProxies = List.copyOf(trustedProxies);
			trustedProxyCertificates = List.copyOf(trustedProxyCertificates);
		}

	}

	/**
	 * Validation of client certificate chains.
	 *
	 * @param revalidateForwarded whether forwarded chains are checked against the trust
	 * anchors; false skips only that chain check (validity, key usages, policies and
	 * revocation still apply) and warns at startup
	 * @param requiredExtendedKeyUsage extended key usages the client certificate must all
	 * carry: names (client-auth, server-auth, code-signing, email-protection,
	 * time-stamping, ocsp-signing) or OIDs; empty admits certificates without the
	 * extension
	 * @param requiredPolicies certificate policy OIDs the chain must all assert
	 * @param clockSkew how far a certificate's validity bounds may be missed, and how far
	 * in the future an OCSP response's produced-at and this-update may lie
	 * @param maxChainLength largest number of intermediate CA certificates in a chain
	 * @param intermediatesBundle name of a spring.ssl.bundle whose trust store holds
	 * intermediate CA certificates that complete chains clients present without them
	 * @param revocation how revocation is checked: none, crl, ocsp, or ocsp-then-crl
	 * (OCSP, and the CRL when OCSP cannot tell)
	 * @param revocationFailure what a revocation status that cannot be learned means:
	 * closed refuses the certificate, open accepts it and records it; revoked is always
	 * refused
	 * @param ocspResponder OCSP responder URL used instead of the certificate's authority
	 * information access
	 * @param ocspMaxAge how long after its this-update a good OCSP answer without a
	 * next-update is trusted; older ones count as unknown
	 * @param crlLocations CRL URLs (http, https) or files (file:) read besides the
	 * certificate's CRL distribution points
	 * @param revocationConnectTimeout connect timeout of OCSP and CRL requests
	 * @param revocationReadTimeout time allowed for an OCSP or CRL response to arrive
	 * @param cache cache of successful validations
	 */
	public record Validation(@DefaultValue("true") boolean revalidateForwarded,
			@DefaultValue("client-auth") List<String> requiredExtendedKeyUsage,
			@DefaultValue List<String> requiredPolicies, @DefaultValue("30s") Duration clockSkew,
			@DefaultValue("5") int maxChainLength, @Nullable String intermediatesBundle,
			@DefaultValue("none") Revocation revocation, @DefaultValue("closed") RevocationFailure revocationFailure,
			@Nullable String ocspResponder, @DefaultValue("10m") Duration ocspMaxAge,
			@DefaultValue List<String> crlLocations, @DefaultValue("2s") Duration revocationConnectTimeout,
			@DefaultValue("3s") Duration revocationReadTimeout, @DefaultValue Cache cache) {

		public Validation {
			requiredExtendedKeyUsage = List.copyOf(requiredExtendedKeyUsage);
			requiredPolicies = List.copyOf(requiredPolicies);
			crlLocations = List.copyOf(crlLocations);
		}

		/**
		 * How revocation is checked.
		 */
		public enum Revocation {

			/** Not checked. */
			NONE,

			/** Certificate revocation lists. */
			CRL,

			/** OCSP. */
			OCSP,

			/** OCSP, then the CRL when OCSP cannot tell. */
			OCSP_THEN_CRL

		}

		/**
		 * What an unknown revocation status means.
		 */
		public enum RevocationFailure {

			/** Refuse the certificate. */
			CLOSED,

			/** Accept the certificate and record that its status was unknown. */
			OPEN

		}

		/**
		 * Cache of successful validations. An entry never outlives the chain's validity
		 * nor the revocation status it rests on.
		 *
		 * @param maxEntries largest number of chains remembered; 0 turns the cache off
		 * @param ttl longest time a chain is remembered
		 */
		public record Cache(@DefaultValue("10000") int maxEntries, @DefaultValue("5m") Duration ttl) {

		}

	}

	/**
	 * MyData operator registry.
	 *
	 * @param operators registered operators; each element has org-code (required),
	 * business-number, serial-number, name, status, scopes, certificate-fingerprints,
	 * ip-allowlist, industry, org-type and client-ids; a source that sets any element,
	 * such as one environment variable, replaces the whole list
	 * @param registry operator registry synchronised from the MyData portal's org list
	 * @param requireTranId whether requests must carry a valid x-api-tran-id (AN(25):
	 * 1-25 upper-case letters and digits)
	 */
	public record MyData(@DefaultValue List<Operator> operators, @DefaultValue Registry registry,
			@DefaultValue("false") boolean requireTranId) {

		public MyData {
			operators = List.copyOf(operators);
		}

	}

	// @formatter:off (the formatter splits an array default in a record header as "( {")
	/**
	 * Operator registry synchronised from the MyData portal's org list (support API 002
	 * response).
	 *
	 * @param location file: path or https: URL of the org-list JSON document; unset means
	 * no org-list registry
	 * @param sslBundle name of the client SSL bundle presented to an https: location that
	 * demands mutual TLS
	 * @param refreshInterval how often the document is read again
	 * @param orgTypes org_type codes of the entries that may call (03 MyData operators,
	 * 07 the integrated portal)
	 * @param defaultScopes scopes granted to org-list entries, which carry none
	 * @param timeout connect and read timeout of an https: location
	 */
	public record Registry(@Nullable String location, @Nullable String sslBundle,
			@DefaultValue("10m") Duration refreshInterval, @DefaultValue({ "03", "07" }) List<String> orgTypes,
			@DefaultValue List<String> defaultScopes, @DefaultValue("10s") Duration timeout) {
	// @formatter:on

		public Registry {
			orgTypes = List.copyOf(orgTypes);
			defaultScopes = List.copyOf(defaultScopes);
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
	 * @param ipAllowlist registered client addresses (IPs or CIDRs, IPv4 and IPv6) the
	 * operator may call from; empty means any
	 * @param industry industry of the org code, such as bank or card
	 * @param orgType org_type code, such as 03 for a MyData operator
	 * @param clientIds OAuth client ids the provider issued to the operator, which a
	 * bound access token's binding claim may name instead of the org code
	 */
	public record Operator(@Nullable String orgCode, @Nullable String businessNumber, @Nullable String serialNumber,
			@Nullable String name, @DefaultValue("active") OperatorStatus status, @DefaultValue List<String> scopes,
			@DefaultValue List<String> certificateFingerprints, @DefaultValue List<String> ipAllowlist,
			@Nullable String industry, @Nullable String orgType, @DefaultValue List<String> clientIds) {

		public Operator {
			clientIds = List.copyOf(clientIds);
			scopes = List.copyOf(scopes);
			certificateFingerprints = List.copyOf(certificateFingerprints);
			ipAllowlist = List.copyOf(ipAllowlist);
		}

	}

	/**
	 * Binding of access tokens to the operator presenting them.
	 *
	 * @param claim claim of the access token that must name one of the operator's org
	 * codes or client ids, such as client_id, aud or azp; unset means no claim is checked
	 */
	public record TokenBinding(@Nullable String claim) {

	}

	/**
	 * One access rule.
	 *
	 * @param path path pattern below the context path, such as /v2/bank/**
	 * @param methods HTTP methods the rule applies to; empty means any; GET also covers
	 * HEAD
	 * @param scopes scopes the operator must all hold
	 * @param permitAll whether anyone may call, with or without a certificate
	 * @param industries industries of which the operator must hold at least one org code;
	 * empty means any
	 * @param orgTypes org types of which the operator must hold at least one org code;
	 * empty means any
	 * @param tokenScopes scopes the call's access token must all carry (the customer's
	 * consent, granted apart from the operator's scopes); empty requires no token
	 */
	public record AccessRule(@Nullable String path, @DefaultValue List<String> methods,
			@DefaultValue List<String> scopes, @DefaultValue("false") boolean permitAll,
			@DefaultValue List<String> industries, @DefaultValue List<String> orgTypes,
			@DefaultValue List<String> tokenScopes) {

		public AccessRule {
			methods = List.copyOf(methods);
			scopes = List.copyOf(scopes);
			industries = List.copyOf(industries);
			orgTypes = List.copyOf(orgTypes);
			tokenScopes = List.copyOf(tokenScopes);
		}

	}

	/**
	 * Error responses.
	 *
	 * @param format body format: mydata ({"rsp_code", "rsp_msg"} as application/json) or
	 * problem-detail (RFC 9457 application/problem+json with rsp_code and rsp_msg
	 * members)
	 * @param codes per-reason overrides of the HTTP status, rsp_code and rsp_msg, keyed
	 * by reason such as operator-not-registered
	 */
	public record Errors(@DefaultValue("mydata") MtlsErrorFormat format, @DefaultValue Map<MtlsReason, Code> codes) {

		public Errors {
			codes = Map.copyOf(codes);
		}

	}

	/**
	 * The response of one reason; unset members keep the reason's default.
	 *
	 * @param status HTTP status, 400-499
	 * @param rspCode MyData response code, such as 40103
	 * @param rspMsg MyData response message
	 */
	public record Code(@Nullable Integer status, @Nullable String rspCode, @Nullable String rspMsg) {

	}

	/**
	 * The mtls health indicator.
	 *
	 * @param expiryWarning how long before the server certificate, a trust anchor or an
	 * intermediate expires the indicator reports WARNING
	 */
	public record Health(@DefaultValue("30d") Duration expiryWarning) {

		public Health {
			if (expiryWarning.isNegative()) {
				throw new InvalidConfigurationPropertyValueException("mtls.health.expiry-warning", expiryWarning,
						"A warning period cannot be negative.");
			}
		}

	}

}
