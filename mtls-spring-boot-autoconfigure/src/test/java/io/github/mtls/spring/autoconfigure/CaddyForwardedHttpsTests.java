package io.github.mtls.spring.autoconfigure;

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
 * End to end through a real Caddy with the recipe of {@code docs/proxies.md}:
 * {@code client_auth} with {@code require_and_verify}, {@code header_up} with the DER
 * Base64 client-certificate placeholder, and mutual TLS to the service with the proxy's
 * own client certificate. Caddy connects from the loopback address like any caller here,
 * so the service trusts it by that certificate's fingerprint only.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
class CaddyForwardedHttpsTests implements ForwardingProxyContract {

	static final int APP_PORT = ProxyProcess.freePort();

	static final int CADDY_PORT = ProxyProcess.freePort();

	@TempDir
	static Path directory;

	static ProxyProcess caddy;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("server.port", () -> APP_PORT);
		registry.add("mtls.client-auth", () -> "want");
		registry.add("mtls.trust-bundle", () -> "mydata-ca");
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
		registry.add("mtls.forwarded.trusted-proxy-certificates", TestPki.proxy::sha256Fingerprint);
		registry.add("mtls.forwarded.header", () -> "X-SSL-Client-Cert");
		registry.add("mtls.forwarded.format", () -> "der-base64");
		registry.add("server.max-http-request-header-size", () -> "32KB");
	}

	@BeforeAll
	static void startCaddy() {
		Path binary = ProxyProcess.require("caddy");
		ProxyProcess.writePki(directory);
		ProxyProcess.write(directory.resolve("Caddyfile"), """
				{
				    admin off
				    auto_https off
				    storage file_system %1$s/data
				}
				https://:%2$d {
				    bind 127.0.0.1
				    tls %1$s/frontend.crt %1$s/frontend.key {
				        client_auth {
				            mode require_and_verify
				            trusted_ca_cert_file %1$s/client-ca.pem
				        }
				    }
				    reverse_proxy https://127.0.0.1:%3$d {
				        header_up X-SSL-Client-Cert {http.request.tls.client.certificate_der_base64}
				        transport http {
				            tls_client_auth %1$s/proxy.crt %1$s/proxy.key
				            tls_trusted_ca_certs %1$s/server-ca.pem
				            tls_server_name localhost
				        }
				    }
				}
				""".formatted(directory, CADDY_PORT, APP_PORT));
		caddy = ProxyProcess
			.start(List.of("/usr/bin/env", "HOME=" + directory, "XDG_DATA_HOME=" + directory.resolve("data"),
					"XDG_CONFIG_HOME=" + directory.resolve("config"), binary.toString(), "run", "--config",
					directory.resolve("Caddyfile").toString(), "--adapter", "caddyfile"), directory, CADDY_PORT);
	}

	@AfterAll
	static void stopCaddy() {
		if (caddy != null) {
			caddy.close();
		}
	}

	@Override
	public int proxyPort() {
		return CADDY_PORT;
	}

	@Override
	public ProxyProcess proxy() {
		return caddy;
	}

	@Test
	void getStraightToServiceWhenHeaderSpoofedWithoutTheProxyCertificateThenRejectedWith40002() {
		RawHttps.Response response = RawHttps.get("127.0.0.1", APP_PORT, null, "/whoami",
				"X-SSL-Client-Cert: " + ForwardedHttpsTests.header(TestPki.registered).substring(19));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"rsp_code\":\"40002\"");
	}

}
