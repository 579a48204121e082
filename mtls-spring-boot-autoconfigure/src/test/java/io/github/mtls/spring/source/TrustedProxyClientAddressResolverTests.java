package io.github.mtls.spring.source;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxyClientAddressResolverTests {

	private final TrustedProxyClientAddressResolver resolver = new TrustedProxyClientAddressResolver(
			new TrustedProxies(List.of("10.0.0.0/24"), Set.of()), "X-Forwarded-For");

	@Test
	void resolveWhenTrustedProxyThenRightMostUntrustedEntry() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.0.0.9");
		assertThat(this.resolver.resolve(request)).isEqualTo("203.0.113.7");
	}

	@Test
	void resolveWhenSeveralHeaderLinesThenJoinedInOrder() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "6.6.6.6");
		request.addHeader("X-Forwarded-For", "203.0.113.7, 10.0.0.9");
		assertThat(this.resolver.resolve(request)).isEqualTo("203.0.113.7");
	}

	@Test
	void resolveWhenCallerSpoofsLeftMostEntryThenNotBelieved() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.7");
		assertThat(this.resolver.resolve(request)).isEqualTo("203.0.113.7");
	}

	@Test
	void resolveWhenEveryEntryTrustedThenLeftMost() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "10.0.0.5, 10.0.0.9");
		assertThat(this.resolver.resolve(request)).isEqualTo("10.0.0.5");
	}

	@Test
	void resolveWhenUntrustedPeerThenPeerAddressWhateverTheHeader() {
		MockHttpServletRequest request = request("192.0.2.1");
		request.addHeader("X-Forwarded-For", "203.0.113.7");
		assertThat(this.resolver.resolve(request)).isEqualTo("192.0.2.1");
	}

	@Test
	void resolveWhenTrustedProxyWithoutHeaderThenPeerAddress() {
		assertThat(this.resolver.resolve(request("10.0.0.1"))).isEqualTo("10.0.0.1");
	}

	@Test
	void resolveWhenWalkMeetsNonAddressThenPeerAddress() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "203.0.113.7, evil.example.com");
		assertThat(this.resolver.resolve(request)).isEqualTo("10.0.0.1");
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		return request;
	}

}
