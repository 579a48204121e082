package io.github.mtls.spring.header;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;

class CachingHeaderDecoderTests {

	private final AtomicInteger decodes = new AtomicInteger();

	private final CachingHeaderDecoder decoder = new CachingHeaderDecoder((value) -> {
		this.decodes.incrementAndGet();
		return new DerBase64HeaderDecoder().decode(value);
	}, 2);

	@Test
	void decodeWhenSameValueAgainThenDecodedOnce() {
		String value = HeaderValues.base64(HeaderValues.leaf);
		assertThat(this.decoder.decode(value).certificates()).containsExactly(HeaderValues.leaf);
		assertThat(this.decoder.decode(new String(value)).certificates()).containsExactly(HeaderValues.leaf);
		assertThat(this.decodes).hasValue(1);
	}

	@Test
	void decodeWhenSameValueAgainThenSameResult() {
		String value = HeaderValues.base64(HeaderValues.leaf);
		DecodedHeader first = this.decoder.decode(value);
		assertThat(this.decoder.decode(value)).isSameAs(first);
		assertThat(first.format()).isEqualTo(HeaderFormat.DER_BASE64);
	}

	@Test
	void decodeWhenRefusedThenNotRemembered() {
		assertThat(this.decoder.decode("x").refusal()).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(this.decoder.size()).isZero();
		assertThat(this.decoder.decode("x").refusal()).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(this.decodes).hasValue(2);
	}

	@Test
	void decodeWhenRefusedThenDoesNotPushOutASuccess() {
		CachingHeaderDecoder decoder = new CachingHeaderDecoder(new DerBase64HeaderDecoder(), 1);
		String value = HeaderValues.base64(HeaderValues.leaf);
		DecodedHeader decoded = decoder.decode(value);
		assertThat(decoder.decode("x").isRefused()).isTrue();
		assertThat(decoder.size()).isOne();
		assertThat(decoder.decode(value)).isSameAs(decoded);
	}

	@Test
	void decodeWhenMoreValuesThanEntriesThenRemembersNoMoreThanTheBound() {
		// Which value goes is the cache's choice (frequency as well as recency); that no
		// more than maxEntries stay is the contract.
		this.decoder.decode(HeaderValues.base64(HeaderValues.leaf));
		this.decoder.decode(HeaderValues.base64(HeaderValues.intermediate.certificate()));
		this.decoder.decode(HeaderValues.base64(HeaderValues.root.certificate()));
		assertThat(this.decoder.size()).isEqualTo(2);
		assertThat(this.decodes).hasValue(3);
	}

}
