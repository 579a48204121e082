package io.github.mtls.spring.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTests {

	@Test
	void parseWhenIpLiteralThenAddressOfItsFamily() {
		assertThat(IpAddress.parse("203.0.113.7").isIpv4()).isTrue();
		assertThat(IpAddress.parse("2001:db8::1").isIpv4()).isFalse();
		assertThat(IpAddress.parse("fe80::1%eth0")).isEqualTo(IpAddress.parse("fe80::1"));
		assertThat(IpAddress.parse("0:0:0:0:0:0:0:1")).isEqualTo(IpAddress.parse("::1"));
	}

	@Test
	void parseWhenIpv4MappedThenTheIpv4Address() {
		IpAddress mapped = IpAddress.parse("::ffff:203.0.113.7");
		assertThat(mapped).isEqualTo(IpAddress.parse("203.0.113.7"));
		assertThat(mapped.isIpv4()).isTrue();
		assertThat(mapped).hasToString("203.0.113.7");
	}

	@Test
	void parseWhenNotAnIpLiteralThenNull() {
		for (String value : new String[] { "", "localhost", "1.2.3", "1.2.3.4.5", "256.0.0.1", "010.0.0.1", "1:2:3",
				"::::", "1::2::3", ":", ".1::", "1.2.3.4:80", "[::1]", "a.b.c.d", "1.2.3.4%1", "١.٢.٣.٤",
				"abc.example" }) {
			assertThat(IpAddress.parse(value)).as(value).isNull();
		}
	}

	@Test
	void parseForwardedWhenPortOrBracketsOrQuotesThenTheAddressAlone() {
		assertThat(IpAddress.parseForwarded("198.51.100.7:4431")).hasToString("198.51.100.7");
		assertThat(IpAddress.parseForwarded("[2001:db8::1]:443")).hasToString("2001:db8::1");
		assertThat(IpAddress.parseForwarded("[2001:db8::1]")).hasToString("2001:db8::1");
		assertThat(IpAddress.parseForwarded("\"[2001:db8::1]:443\"")).hasToString("2001:db8::1");
		assertThat(IpAddress.parseForwarded("\"198.51.100.7\"")).hasToString("198.51.100.7");
		assertThat(IpAddress.parseForwarded("2001:db8::1")).hasToString("2001:db8::1");
		assertThat(IpAddress.parseForwarded("[::ffff:198.51.100.7]:80")).hasToString("198.51.100.7");
	}

	@Test
	void parseForwardedWhenNotAnAddressThenNull() {
		for (String value : new String[] { "unknown", "_hidden", "1:2:3", "::::", "198.51.100.7:", "198.51.100.7:99999",
				"198.51.100.7:44a", "[198.51.100.7]:443", "[2001:db8::1", "[2001:db8::1]x", "[2001:db8::1]:", "\"",
				"\"198.51.100.7", "example.com:443", "[]", "[]:443", "198.51.100.7:443:443" }) {
			assertThat(IpAddress.parseForwarded(value)).as(value).isNull();
		}
	}

}
