package io.github.mtls.spring.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end through a real Apache httpd with the recipe of {@code docs/proxies.md}:
 * {@code SSLVerifyClient require}, {@code RequestHeader set X-SSL-Client-Cert
 * "%{SSL_CLIENT_CERT}s"} after unsetting the caller's, {@code ProxyPass} over mutual TLS
 * with the proxy's own client certificate from source address 127.0.0.2.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
class ApacheForwardedHttpsTests implements ForwardingProxyContract {

	static final int APP_PORT = ProxyProcess.freePort();

	static final int APACHE_PORT = ProxyProcess.freePort();

	@TempDir
	static Path directory;

	static ProxyProcess apache;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("proxy-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		registry.add("server.port", () -> APP_PORT);
		registry.add("mtls.client-auth", () -> "want");
		registry.add("mtls.trust-bundle", () -> "mydata-ca");
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
		registry.add("mtls.forwarded.trusted-proxies", () -> "127.0.0.2/32");
		registry.add("mtls.forwarded.header", () -> "X-SSL-Client-Cert");
		registry.add("mtls.forwarded.format", () -> "pem");
		registry.add("server.max-http-request-header-size", () -> "32KB");
	}

	@BeforeAll
	static void startApache() {
		Path binary = ProxyProcess.require("apache2");
		ProxyProcess.writePki(directory);
		String modules = "/usr/lib/apache2/modules";
		ProxyProcess.write(directory.resolve("httpd.conf"), """
				ServerRoot %1$s
				ServerName localhost
				LoadModule mpm_event_module %4$s/mod_mpm_event.so
				LoadModule authz_core_module %4$s/mod_authz_core.so
				LoadModule socache_shmcb_module %4$s/mod_socache_shmcb.so
				LoadModule ssl_module %4$s/mod_ssl.so
				LoadModule headers_module %4$s/mod_headers.so
				LoadModule proxy_module %4$s/mod_proxy.so
				LoadModule proxy_http_module %4$s/mod_proxy_http.so
				PidFile %1$s/httpd.pid
				ErrorLog %1$s/error.log
				LogLevel warn
				StartServers 1
				ServerLimit 1
				ThreadsPerChild 8
				MaxRequestWorkers 8
				Mutex file:%1$s default
				SSLSessionCache shmcb:%1$s/ssl_scache(512000)
				Listen 127.0.0.1:%2$d
				<VirtualHost 127.0.0.1:%2$d>
				    SSLEngine on
				    SSLCertificateFile %1$s/frontend.crt
				    SSLCertificateKeyFile %1$s/frontend.key
				    SSLVerifyClient require
				    SSLCACertificateFile %1$s/client-ca.pem
				    SSLOptions +ExportCertData
				    RequestHeader unset X-SSL-Client-Cert early
				    RequestHeader set X-SSL-Client-Cert "%%{SSL_CLIENT_CERT}s"
				    SSLProxyEngine on
				    SSLProxyMachineCertificateFile %1$s/proxy.pem
				    SSLProxyCACertificateFile %1$s/server-ca.pem
				    SSLProxyVerify require
				    SSLProxyCheckPeerName on
				    ProxySourceAddress 127.0.0.2
				    ProxyPreserveHost off
				    ProxyPass / https://localhost:%3$d/
				</VirtualHost>
				""".formatted(directory, APACHE_PORT, APP_PORT, modules));
		apache = ProxyProcess.start(List.of(binary.toString(), "-f", directory.resolve("httpd.conf").toString(),
				"-DFOREGROUND", "-DNO_DETACH"), directory, APACHE_PORT);
	}

	@AfterAll
	static void stopApache() {
		if (apache != null) {
			apache.close();
		}
	}

	@Override
	public int proxyPort() {
		return APACHE_PORT;
	}

	@Override
	public ProxyProcess proxy() {
		return apache;
	}

}
