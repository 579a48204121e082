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

	@Test
	void resolveWhenEntriesCarryPortsOrQuotesThenTheAddressWithoutThem() {
		TrustedProxyClientAddressResolver resolver = new TrustedProxyClientAddressResolver(
				new TrustedProxies(List.of("10.0.0.0/24", "2001:db8:f::/48"), Set.of()), "X-Forwarded-For");
		assertThat(resolve(resolver, "198.51.100.7:4431")).isEqualTo("198.51.100.7");
		assertThat(resolve(resolver, "203.0.113.7, 10.0.0.9:4431")).isEqualTo("203.0.113.7");
		assertThat(resolve(resolver, "[2001:db8::1]:443")).isEqualTo("2001:db8::1");
		assertThat(resolve(resolver, "\"[2001:db8::1]:443\", [2001:db8:f::2]")).isEqualTo("2001:db8::1");
		assertThat(resolve(resolver, "\"198.51.100.7\"")).isEqualTo("198.51.100.7");
		assertThat(resolve(resolver, "::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
	}

	@Test
	void resolveWhenEntryLooksLikeAnAddressButDoesNotParseThenPeerAddress() {
		for (String forwardedFor : List.of("1:2:3", "::::", "203.0.113.7, 1:2:3", "[2001:db8::1]:99999", "unknown",
				"198.51.100.7:", "[1.2.3.4]", "\"")) {
			MockHttpServletRequest request = request("10.0.0.1");
			request.addHeader("X-Forwarded-For", forwardedFor);
			assertThat(this.resolver.resolve(request)).as(forwardedFor).isEqualTo("10.0.0.1");
		}
	}

	@Test
	void resolveWhenProxyRangeOfTheOtherFamilyThenItsEntriesAreNotSkipped() {
		// a00::1 shares its leading byte with 10.0.0.0/24's network but is not in it
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", "203.0.113.7, a00::1");
		assertThat(this.resolver.resolve(request)).isEqualTo("a00::1");
	}

	private static String resolve(TrustedProxyClientAddressResolver resolver, String forwardedFor) {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-For", forwardedFor);
		return resolver.resolve(request);
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		return request;
	}

}
