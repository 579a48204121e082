package io.github.mtls.spring.autoconfigure;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.source.DirectClientCertificateSource;
import io.github.mtls.spring.test.pki.IssuedCertificate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real HTTPS in the three-certificate topology, the test playing the proxy: it connects
 * from 127.0.0.2 (the trusted proxy address) with the proxy's own client certificate and
 * forwards the caller's certificate in {@code X-SSL-Client-Cert}; callers at 127.0.0.1
 * are untrusted peers.
 */
@SpringBootTest(classes = { TestApplication.class, ForwardedHttpsTests.ForwardedController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class ForwardedHttpsTests {

	private static final String PROXY = "127.0.0.2";

	private static final String CALLER = "127.0.0.1";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-and-proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("mtls.client-auth", () -> "want");
		registry.add("mtls.trust-bundle", () -> "mydata-ca");
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
		registry.add("mtls.forwarded.trusted-proxies", () -> "127.0.0.2/32");
		registry.add("server.max-http-request-header-size", () -> "32KB");
	}

	@Test
	void getWhenTrustedProxyForwardsRegisteredCertificateThenOk() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				header(TestPki.registered));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000").contains(TestPki.registered.sha256Fingerprint());
	}

	@Test
	void getWhenTrustedProxyForwardsNoHeaderThenNoCertificateNotTheProxys() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40101\"").contains("client certificate required");
	}

	@Test
	void getWhenTrustedProxyForwardsCertificateOfAnotherCaThenRefusedByRevalidation() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				header(TestPki.fromOtherCa));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40101\"").contains("not issued by a trusted CA");
	}

	@Test
	void getWhenTrustedProxyForwardsProxyCertificateThenRefused() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami", header(TestPki.proxy));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40101\"");
	}

	@Test
	void getWhenTrustedProxyForwardsUnregisteredCertificateThenRefusedWith40103() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				header(TestPki.unregistered));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40103\"");
	}

	@Test
	void getWhenUntrustedPeerSendsHeaderThenRejectedWith40002() {
		RawHttps.Response response = RawHttps.get(CALLER, this.port, TestPki.registered, "/whoami",
				header(TestPki.registered));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40002\",\"rsp_msg\":\"client certificate header from an untrusted peer\"}");
	}

	@Test
	void getWhenUntrustedPeerSendsHeaderToPermitAllPathThenStillRejected() {
		RawHttps.Response response = RawHttps.get(CALLER, this.port, null, "/public/ping", header(TestPki.registered));
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void getWhenDirectCallerPresentsOwnCertificateThenOk() {
		RawHttps.Response response = RawHttps.get(CALLER, this.port, TestPki.registered, "/whoami");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000");
	}

	@Test
	void getWhenHeaderTwiceThenRejectedWith40002() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				header(TestPki.registered), header(TestPki.registered));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("occurs more than once");
	}

	@Test
	void getWhenHeaderMalformedThenRejectedWith40002AndNoDetail() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				"X-SSL-Client-Cert: MIIB" + "A".repeat(100));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40002\",\"rsp_msg\":\"client certificate header is malformed\"}");
	}

	@Test
	void getWhenHeaderOversizedThenRejectedWith40002() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/whoami",
				"X-SSL-Client-Cert: " + "A".repeat(20000));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("too large");
	}

	@Test
	void getWhenForwardedThenServletAttributeIsCallersCertificateAndHeaderHidden() {
		RawHttps.Response response = RawHttps.get(PROXY, this.port, TestPki.proxy, "/forwarded/inspect",
				header(TestPki.registered));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body())
			.contains("\"subject\":\""
					+ TestPki.registered.certificate().getSubjectX500Principal().getName().replace("\"", "\\\"") + "\"")
			.contains("\"header\":\"hidden\"");
	}

	@Test
	void getWhenCertificateBoundTokenMatchesForwardedCertificateThenSpringSecurityValidatorAccepts() {
		RawHttps.Response bound = RawHttps.get(PROXY, this.port, TestPki.proxy,
				"/forwarded/bound?x5t=" + thumbprint(TestPki.registered.certificate()), header(TestPki.registered));
		assertThat(bound.body()).contains("\"valid\":true");
		RawHttps.Response other = RawHttps.get(PROXY, this.port, TestPki.proxy,
				"/forwarded/bound?x5t=" + thumbprint(TestPki.proxy.certificate()), header(TestPki.registered));
		assertThat(other.body()).contains("\"valid\":false");
	}

	static String header(IssuedCertificate certificate) {
		return "X-SSL-Client-Cert: " + Base64.getEncoder().encodeToString(der(certificate.certificate()));
	}

	static String thumbprint(X509Certificate certificate) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(der(certificate)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] der(X509Certificate certificate) {
		try {
			return certificate.getEncoded();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@RestController
	static class ForwardedController {

		@GetMapping("/forwarded/inspect")
		Map<String, Object> inspect(HttpServletRequest request) {
			X509Certificate[] chain = (X509Certificate[]) request
				.getAttribute(DirectClientCertificateSource.CERTIFICATE_ATTRIBUTE);
			return Map.of("subject", chain[0].getSubjectX500Principal().getName(), "header",
					(request.getHeader("X-SSL-Client-Cert") != null) ? "visible" : "hidden");
		}

		@GetMapping("/forwarded/bound")
		Map<String, Object> bound(@RequestParam String x5t) {
			// JwtValidators adds Spring Security's X509CertificateThumbprintValidator,
			// which reads the certificate through RequestContextHolder.
			OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefault();
			Jwt jwt = Jwt.withTokenValue("token")
				.header("alg", "none")
				.claim("sub", "user")
				.claim("cnf", Map.of("x5t#S256", x5t))
				.build();
			return Map.of("valid", !validator.validate(jwt).hasErrors(), "errors",
					List.copyOf(validator.validate(jwt).getErrors()).toString());
		}

	}

}
