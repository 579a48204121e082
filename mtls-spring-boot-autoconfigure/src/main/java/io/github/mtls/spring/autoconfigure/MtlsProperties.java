package io.github.mtls.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

import io.github.mtls.spring.header.HeaderFormat;
import io.github.mtls.spring.mydata.OperatorStatus;
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
 * @param accessRules access rules, in order; the first match wins and paths no rule names
 * need an authenticated operator
 * @param source where client certificates come from: direct (the TLS peer's chain),
 * forwarded (a trusted proxy's header only) or auto (the header when the TCP peer is a
 * trusted proxy, else the TLS peer's chain)
 * @param forwarded client certificates forwarded by trusted proxies in a request header
 * @author mtls-spring-boot
 */
@ConfigurationProperties("mtls")
public record MtlsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("need") ClientAuth clientAuth,
		@Nullable String trustBundle, @DefaultValue Validation validation, @DefaultValue MyData mydata,
		@DefaultValue List<AccessRule> accessRules, @DefaultValue("auto") Source source,
		@DefaultValue Forwarded forwarded) {

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
