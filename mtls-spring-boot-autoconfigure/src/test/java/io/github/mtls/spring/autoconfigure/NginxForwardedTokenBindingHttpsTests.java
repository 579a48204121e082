package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through a real nginx that terminates the caller's mutual TLS and forwards
 * the certificate ({@code mtls.source: forwarded}), with the resource server's default
 * JWT validators in the starter's default chain: a token bound by RFC 8705
 * {@code cnf.x5t#S256} to the certificate the caller presented to nginx is accepted, one
 * bound to another certificate refused. The service's own TLS peer is nginx (its proxy
 * certificate), so acceptance shows that Spring Security's
 * {@code X509CertificateThumbprintValidator} reads the forwarded certificate the starter
 * exposes as {@code jakarta.servlet.request.X509Certificate}, and the refusal's
 * {@code WWW-Authenticate} description that the validator, not the starter, refused it.
 */
@SpringBootTest(classes = { TestApplication.class, NginxForwardedTokenBindingHttpsTests.Decoder.class },
		webEnvironment = WebEnvironment.DEFINED_PORT)
class NginxForwardedTokenBindingHttpsTests {

	static final int APP_PORT = ProxyProcess.freePort();

	static final int NGINX_PORT = ProxyProcess.freePort();

	@TempDir
	static Path directory;

	static ProxyProcess nginx;

	@Autowired
	ResourceServerHttpsTests.RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("server.port", () -> APP_PORT);
		Properties.register(registry, "mtls.client-auth=want", "mtls.source=forwarded", "mtls.trust-bundle=mydata-ca",
				"mtls.forwarded.trusted-proxies=127.0.0.2/32", "mtls.forwarded.format=url-encoded-pem",
				"server.max-http-request-header-size=32KB");
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
	}

	@BeforeAll
	static void startNginx() {
		Path binary = ProxyProcess.require("nginx");
		ProxyProcess.writePki(directory);
		ProxyProcess.write(directory.resolve("nginx.conf"), """
				daemon off;
				master_process off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log info;
				events { worker_connections 64; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/client_body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    server {
				        listen 127.0.0.1:%2$d ssl;
				        ssl_certificate %1$s/frontend.crt;
				        ssl_certificate_key %1$s/frontend.key;
				        ssl_client_certificate %1$s/client-ca.pem;
				        ssl_verify_client on;
				        location / {
				            proxy_pass https://127.0.0.1:%3$d;
				            proxy_bind 127.0.0.2;
				            proxy_ssl_certificate %1$s/proxy.crt;
				            proxy_ssl_certificate_key %1$s/proxy.key;
				            proxy_ssl_trusted_certificate %1$s/server-ca.pem;
				            proxy_ssl_verify on;
				            proxy_ssl_name localhost;
				            proxy_ssl_server_name on;
				            proxy_set_header X-SSL-Client-Cert $ssl_client_escaped_cert;
				            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
				        }
				    }
				}
				""".formatted(directory, NGINX_PORT, APP_PORT));
		nginx = ProxyProcess.start(List.of(binary.toString(), "-p", directory.toString(), "-c",
				directory.resolve("nginx.conf").toString(), "-e", directory.resolve("error.log").toString()), directory,
				NGINX_PORT);
	}

	@AfterAll
	static void stopNginx() {
		if (nginx != null) {
			nginx.close();
		}
	}

	@Test
	void getThroughNginxWhenTokenIsBoundToTheCertificatePresentedToNginxThenGranted() {
		String token = TestTokens
			.token(Map.of("cnf", Map.of("x5t#S256", TokenBindingHttpsTests.thumbprint(TestPki.registered))));
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), NGINX_PORT, "/whoami",
				"Authorization", "Bearer " + token);
		assertThat(response.statusCode()).as(nginx.output()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"")
			.contains(TestPki.registered.sha256Fingerprint());
	}

	@Test
	void getThroughNginxWhenTokenIsBoundToAnotherCertificateThenRefusedAsNotBound() {
		// Bound to the bank-only operator's certificate, presented with the registered
		// operator's.
		String token = TestTokens
			.token(Map.of("cnf", Map.of("x5t#S256", TokenBindingHttpsTests.thumbprint(TestPki.bankOnly))));
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), NGINX_PORT,
				"/refused/other-certificate", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).as(nginx.output()).isEqualTo(401);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token is not bound to this operator\"}");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer")
				.contains("error=\"invalid_token\"")
				.contains("Invalid SHA-256 Thumbprint for X509Certificate."));
		MtlsRejectionEvent event = Refusals.of(this.refusals, "/refused/other-certificate");
		assertThat(event.getReason()).isEqualTo(MtlsReason.TOKEN_NOT_BOUND);
		assertThat(event.getFingerprint()).isEqualTo(TestPki.registered.sha256Fingerprint());
		assertThat(event.getOrgCodes()).containsExactly("A1AAER0000");
	}

	@Test
	void getThroughNginxWhenTokenIsBoundToTheProxysOwnCertificateThenRefusedAsNotBound() {
		// The service's TLS peer is nginx: a token bound to nginx's certificate must not
		// pass for the caller's.
		String token = TestTokens
			.token(Map.of("cnf", Map.of("x5t#S256", TokenBindingHttpsTests.thumbprint(TestPki.proxy))));
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), NGINX_PORT,
				"/refused/proxy-certificate", "Authorization", "Bearer " + token);
		assertThat(response.statusCode()).as(nginx.output()).isEqualTo(401);
		assertThat(response.body())
			.isEqualTo("{\"rsp_code\":\"40101\",\"rsp_msg\":\"access token is not bound to this operator\"}");
		assertThat(Refusals.of(this.refusals, "/refused/proxy-certificate").getReason())
			.isEqualTo(MtlsReason.TOKEN_NOT_BOUND);
	}

	@Configuration(proxyBeanMethods = false)
	static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			// Spring Security's default validators, the thumbprint validator among them.
			return TestTokens.decoder();
		}

		@Bean
		ResourceServerHttpsTests.RecordedRefusals recordedRefusals() {
			return new ResourceServerHttpsTests.RecordedRefusals();
		}

	}

}
