package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through a real nginx in the three-certificate topology: the caller's mTLS
 * ends at nginx, which verifies it against the client CA and forwards
 * {@code $ssl_client_escaped_cert} over its own mutual-TLS connection (its own client
 * certificate, source address 127.0.0.2) to the service, which trusts the proxy CA for
 * the handshake and re-validates the forwarded certificate against the MyData client CA.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
class NginxForwardedHttpsTests {

	static final int APP_PORT = ProxyProcess.freePort();

	static final int NGINX_PORT = ProxyProcess.freePort();

	@TempDir
	static Path directory;

	static ProxyProcess nginx;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("server.port", () -> APP_PORT);
		registry.add("mtls.client-auth", () -> "want");
		registry.add("mtls.trust-bundle", () -> "mydata-ca");
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
		registry.add("mtls.forwarded.trusted-proxies", () -> "127.0.0.2/32");
		registry.add("mtls.forwarded.format", () -> "url-encoded-pem");
		registry.add("server.max-http-request-header-size", () -> "32KB");
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
	void getThroughNginxWhenRegisteredOperatorThenOkWithItsPrincipal() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), NGINX_PORT, "/whoami");
		assertThat(response.statusCode()).as(nginx.output()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"")
			.contains(TestPki.registered.sha256Fingerprint());
	}

	@Test
	void getThroughNginxWhenNoClientCertificateThenRefusedByNginx() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.clientWithoutCertificate(), NGINX_PORT, "/whoami");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("No required SSL certificate was sent").doesNotContain("rsp_code");
	}

	@Test
	void getThroughNginxWhenUnregisteredOperatorThenRefusedByServiceWith40103() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.unregistered), NGINX_PORT, "/whoami");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40103\"");
	}

	@Test
	void getThroughNginxWhenCallerSendsOwnHeaderThenNginxOverwritesIt() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), NGINX_PORT, "/whoami",
				"X-SSL-Client-Cert", ForwardedHttpsTests.header(TestPki.bankOnly).substring(19));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000").doesNotContain("C1CCBK0000");
	}

	@Test
	void getStraightToServiceWhenHeaderSpoofedFromUntrustedAddressThenRejectedWith40002() {
		RawHttps.Response response = RawHttps.get("127.0.0.1", APP_PORT, null, "/whoami",
				"X-SSL-Client-Cert: " + ForwardedHttpsTests.header(TestPki.registered).substring(19));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"rsp_code\":\"40002\"");
	}

	@Test
	void getFromTrustedAddressWhenHeaderCarriesCertificateOfAnotherCaThenRefusedByRevalidation() {
		RawHttps.Response response = RawHttps.get("127.0.0.2", APP_PORT, TestPki.proxy, "/whoami",
				"X-SSL-Client-Cert: " + ForwardedHttpsTests.header(TestPki.fromOtherCa).substring(19));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40101\"");
	}

}
