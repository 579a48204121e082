package io.github.mtls.spring.mydata;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpAllowlistTests {

	@Test
	void allowsWhenEmptyThenAnyAddress() {
		assertThat(IpAllowlist.of(List.of()).allows("198.51.100.1")).isTrue();
		assertThat(IpAllowlist.of(List.of()).allows(null)).isTrue();
		assertThat(IpAllowlist.any().allowsAny()).isTrue();
	}

	@Test
	void allowsWhenAddressOrRangeThenMatchesThem() {
		IpAllowlist allowlist = IpAllowlist.of(List.of("203.0.113.7", " 198.51.100.0/24 ", "2001:db8::/32"));
		assertThat(allowlist.allows("203.0.113.7")).isTrue();
		assertThat(allowlist.allows("203.0.113.8")).isFalse();
		assertThat(allowlist.allows("198.51.100.255")).isTrue();
		assertThat(allowlist.allows("2001:db8:0:0:0:0:0:1")).isTrue();
		assertThat(allowlist.allows("[2001:db8::1]")).isTrue();
		assertThat(allowlist.allows("2001:db9::1")).isFalse();
		assertThat(allowlist.entries()).containsExactly("203.0.113.7", "198.51.100.0/24", "2001:db8::/32");
	}

	@Test
	void allowsWhenAddressUnknownOrNotALiteralThenRefuses() {
		IpAllowlist allowlist = IpAllowlist.of(List.of("127.0.0.0/8"));
		assertThat(allowlist.allows(null)).isFalse();
		assertThat(allowlist.allows("")).isFalse();
		assertThat(allowlist.allows("localhost")).isFalse();
		assertThat(allowlist.allows("127.0.0.1, 10.0.0.1")).isFalse();
	}

	@Test
	void allowsWhenRangesOfTheOtherFamilyThenRefusesWhateverTheBytes() {
		IpAllowlist ipv6 = IpAllowlist.of(List.of("2001:db8::/32", "::/0"));
		assertThat(ipv6.allows("32.1.13.184")).isFalse();
		assertThat(ipv6.allows("203.0.113.7")).isFalse();
		IpAllowlist ipv4 = IpAllowlist.of(List.of("10.0.0.0/8", "0.0.0.0/0"));
		assertThat(ipv4.allows("a00::1")).isFalse();
		assertThat(ipv4.allows("2001:db8::1")).isFalse();
	}

	@Test
	void allowsWhenIpv4MappedCallerThenMatchedAsIpv4() {
		IpAllowlist allowlist = IpAllowlist.of(List.of("203.0.113.0/24"));
		assertThat(allowlist.allows("::ffff:203.0.113.7")).isTrue();
		assertThat(allowlist.allows("::ffff:198.51.100.7")).isFalse();
	}

	@Test
	void allowsWhenAddressDoesNotParseThenRefusesWithoutException() {
		IpAllowlist allowlist = IpAllowlist.of(List.of("203.0.113.0/24", "2001:db8::/32"));
		for (String address : List.of("1:2:3", "::::", "203.0.113.7:4431", "[2001:db8::1]:443", "[]")) {
			assertThat(allowlist.allows(address)).as(address).isFalse();
		}
	}

	@Test
	void ofWhenEntryIsNotAnAddressThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of(List.of("example.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of(List.of("10.0.0.256")));
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.of(List.of("")));
	}

	@Test
	void parseEntryReadsOneAddressOrRangeAndRefusesAHostNameSayingWhatIsExpected() {
		assertThat(IpAllowlist.parseEntry(" 203.0.113.0/24 ").contains("203.0.113.7")).isTrue();
		assertThat(IpAllowlist.parseEntry("2001:db8::1").contains("2001:db8::1")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> IpAllowlist.parseEntry("fintech.example"))
			.withMessage("Expected an IPv4 or IPv6 address or CIDR range, such as 203.0.113.0/24");
	}

}
