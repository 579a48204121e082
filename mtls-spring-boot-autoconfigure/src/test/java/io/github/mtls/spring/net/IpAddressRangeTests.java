package io.github.mtls.spring.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link IpAddressRange} against a reference written from {@link InetAddress} bytes: an
 * address is in a range when both have the same length after IPv4-mapped addresses are
 * turned into IPv4, and their leading prefix-length bits agree.
 */
class IpAddressRangeTests {

	@Test
	void containsWhenIpv4RangeAndIpv6AddressWithTheSameLeadingBytesThenFalse() {
		assertThat(IpAddressRange.of("10.0.0.0/8").contains("a00::1")).isFalse();
		assertThat(IpAddressRange.of("0.0.0.0/0").contains("::1")).isFalse();
	}

	@Test
	void containsWhenIpv6RangeAndIpv4AddressWithTheSameLeadingBytesThenFalse() {
		// 32.1.13.184 is 0x20010db8: the leading bytes of 2001:db8::/32
		assertThat(IpAddressRange.of("2001:db8::/32").contains("32.1.13.184")).isFalse();
		assertThat(IpAddressRange.of("::/0").contains("127.0.0.1")).isFalse();
		assertThat(IpAddressRange.of("2001:db8::/64").contains("32.1.13.184")).isFalse();
	}

	@Test
	void containsWhenIpv4MappedAddressThenMatchesIpv4RangesOnly() {
		assertThat(IpAddressRange.of("10.0.0.0/8").contains("::ffff:10.1.2.3")).isTrue();
		assertThat(IpAddressRange.of("10.0.0.0/8").contains("::ffff:a01:203")).isTrue();
		assertThat(IpAddressRange.of("::/0").contains("::ffff:10.1.2.3")).isFalse();
		assertThat(IpAddressRange.of("::ffff:10.0.0.0/104").contains("10.200.0.1")).isTrue();
		assertThat(IpAddressRange.of("::ffff:10.0.0.0/104").contains("11.0.0.1")).isFalse();
	}

	@Test
	void containsWhenNotAnIpLiteralThenFalseWithoutLookup() {
		IpAddressRange range = IpAddressRange.of("0.0.0.0/0");
		assertThat(range.contains("localhost")).isFalse();
		assertThat(range.contains((String) null)).isFalse();
		assertThat(range.contains("1.2.3")).isFalse();
		assertThat(range.contains("010.0.0.1")).isFalse();
		assertThat(IpAddressRange.of("::/0").contains("1:2:3")).isFalse();
		assertThat(IpAddressRange.of("::/0").contains("::::")).isFalse();
	}

	@Test
	void ofWhenNotARangeThenIllegalArgument() {
		for (String value : new String[] { "example.com", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1",
				"10.0.0.0/8/8", "::ffff:10.0.0.0/64", "fe80::1%eth0", "1:2:3", "", "10.0.0.0/ 8", ".1::" }) {
			assertThatIllegalArgumentException().as(value).isThrownBy(() -> IpAddressRange.of(value));
		}
	}

	@Test
	void containsWhenRandomAddressesAndRangesThenAgreesWithTheInetAddressReference() throws Exception {
		Random random = new Random(20261203L);
		int inside = 0;
		for (int i = 0; i < 50_000; i++) {
			Case example = Case.random(random);
			boolean expected = example.reference();
			assertThat(IpAddressRange.of(example.rangeText()).contains(example.addressText()))
				.as("%s in %s", example.addressText(), example.rangeText())
				.isEqualTo(expected);
			inside += expected ? 1 : 0;
		}
		// both outcomes are exercised
		assertThat(inside).isBetween(10_000, 40_000);
	}

	record Case(byte[] address, String addressText, byte[] network, int prefix, String rangeText) {

		static Case random(Random random) throws UnknownHostException {
			byte[] network = new byte[random.nextBoolean() ? 4 : 16];
			random.nextBytes(network);
			int prefix = random.nextInt(network.length * 8 + 1);
			byte[] address = (random.nextInt(4) == 0) ? otherFamily(network, random) : network.clone();
			if (address.length == network.length && random.nextBoolean()) {
				// flip one bit, inside or outside the prefix
				int bit = random.nextInt(address.length * 8);
				address[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
			}
			else if (address.length == network.length) {
				// randomise the host bits
				for (int bit = prefix; bit < address.length * 8; bit++) {
					if (random.nextBoolean()) {
						address[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
					}
				}
			}
			boolean mappedRange = network.length == 4 && random.nextInt(4) == 0;
			String rangeText = (mappedRange ? "::ffff:" + text(network) + "/" + (prefix + 96)
					: ((network.length == 4) ? text(network) : write(network, random)) + "/" + prefix);
			return new Case(address, write(address, random), network, prefix, rangeText);
		}

		private static byte[] otherFamily(byte[] network, Random random) {
			// the other family, with the same leading bytes as far as they go
			byte[] other = new byte[(network.length == 4) ? 16 : 4];
			random.nextBytes(other);
			System.arraycopy(network, 0, other, 0, Math.min(network.length, other.length));
			return other;
		}

		boolean reference() throws UnknownHostException {
			byte[] a = InetAddress.getByAddress(this.address).getAddress();
			byte[] n = InetAddress.getByAddress(this.network).getAddress();
			if (a.length != n.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

		private static String write(byte[] bytes, Random random) throws UnknownHostException {
			if (bytes.length == 4) {
				return (random.nextInt(4) == 0) ? "::ffff:" + text(bytes) : text(bytes);
			}
			String full = InetAddress.getByAddress(bytes).getHostAddress();
			return switch (random.nextInt(3)) {
				case 0 -> full;
				case 1 -> compressed(bytes);
				default -> compressed(bytes).toUpperCase(Locale.ROOT);
			};
		}

		private static String text(byte[] ipv4) {
			return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
		}

		private static String compressed(byte[] ipv6) {
			int[] groups = new int[8];
			for (int i = 0; i < 8; i++) {
				groups[i] = ((ipv6[2 * i] & 0xff) << 8) | (ipv6[2 * i + 1] & 0xff);
			}
			int bestStart = -1;
			int bestLength = 1;
			for (int i = 0; i < 8; i++) {
				int length = 0;
				while (i + length < 8 && groups[i + length] == 0) {
					length++;
				}
				if (length > bestLength) {
					bestStart = i;
					bestLength = length;
				}
			}
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < 8; i++) {
				if (i == bestStart) {
					text.append("::");
					i += bestLength - 1;
					continue;
				}
				if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
					text.append(':');
				}
				text.append(Integer.toHexString(groups[i]));
			}
			return text.toString();
		}

		@Override
		public String toString() {
			return this.addressText + " in " + this.rangeText + " " + Arrays.toString(this.address);
		}

	}

}
