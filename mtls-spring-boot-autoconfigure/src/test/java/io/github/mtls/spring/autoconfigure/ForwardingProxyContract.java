package io.github.mtls.spring.autoconfigure;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every real proxy in front of the service must show with its recipe from
 * {@code docs/proxies.md}: a registered operator is served with its own principal, an
 * unregistered one is refused by the service, and a header the caller sends itself is
 * replaced by the proxy's.
 */
interface ForwardingProxyContract {

	/**
	 * Return the port the proxy listens on.
	 * @return the port
	 */
	int proxyPort();

	/**
	 * Return the running proxy, for its output in failure messages.
	 * @return the proxy
	 */
	ProxyProcess proxy();

	@Test
	default void getThroughProxyWhenRegisteredOperatorThenOkWithItsPrincipal() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), proxyPort(), "/whoami");
		assertThat(response.statusCode()).as(proxy().output()).isEqualTo(200);
		assertThat(response.body()).contains("\"org_code\":\"A1AAER0000\"")
			.contains(TestPki.registered.sha256Fingerprint());
	}

	@Test
	default void getThroughProxyWhenUnregisteredOperatorThenRefusedByServiceWith40103() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.unregistered), proxyPort(), "/whoami");
		assertThat(response.statusCode()).as(proxy().output()).isEqualTo(401);
		assertThat(response.body()).contains("\"rsp_code\":\"40103\"");
	}

	@Test
	default void getThroughProxyWhenCallerSendsOwnHeaderThenTheProxyReplacesIt() {
		HttpResponse<String> response = HttpsRequests.get(TestPki.client(TestPki.registered), proxyPort(), "/whoami",
				"X-SSL-Client-Cert", ForwardedHttpsTests.header(TestPki.bankOnly).substring(19));
		assertThat(response.statusCode()).as(proxy().output()).isEqualTo(200);
		assertThat(response.body()).contains("A1AAER0000").doesNotContain("C1CCBK0000");
	}

}
