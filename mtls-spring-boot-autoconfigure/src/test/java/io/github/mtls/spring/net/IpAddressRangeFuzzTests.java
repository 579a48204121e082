package io.github.mtls.spring.net;

import java.util.Random;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzed {@link IpAddressRange} and {@link IpAddress}: random ranges agree with the
 * {@code InetAddress} reference of {@link IpAddressRangeTests}, and no text makes parsing
 * throw. A plain build runs the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class IpAddressRangeFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void containsWhenAnyAddressAndRangeThenAgreesWithTheInetAddressReference(FuzzedDataProvider data) throws Exception {
		IpAddressRangeTests.Case example = IpAddressRangeTests.Case.random(new Random(data.consumeLong()));
		assertThat(IpAddressRange.of(example.rangeText()).contains(example.addressText()))
			.isEqualTo(example.reference());
		String text = data.consumeRemainingAsString();
		// whatever the text, an answer and no exception
		IpAddressRange.of("::/0").contains(text);
		IpAddressRange.of("0.0.0.0/0").contains(text);
		IpAddress.parseForwarded(text);
	}

}
