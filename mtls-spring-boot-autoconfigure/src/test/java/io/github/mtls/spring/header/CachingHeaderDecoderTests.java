package io.github.mtls.spring.header;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingHeaderDecoderTests {

	private final AtomicInteger decodes = new AtomicInteger();

	private final CachingHeaderDecoder decoder = new CachingHeaderDecoder((value) -> {
		this.decodes.incrementAndGet();
		return new DerBase64HeaderDecoder().decode(value);
	}, 2);

	@Test
	void decodeWhenSameValueAgainThenDecodedOnce() {
		String value = HeaderValues.base64(HeaderValues.leaf);
		assertThat(this.decoder.decode(value)).containsExactly(HeaderValues.leaf);
		assertThat(this.decoder.decode(new String(value))).containsExactly(HeaderValues.leaf);
		assertThat(this.decodes).hasValue(1);
	}

	@Test
	void decodeWhenFailureThenNotRemembered() {
		assertThatExceptionOfType(MtlsAuthenticationException.class).isThrownBy(() -> this.decoder.decode("x"));
		assertThatExceptionOfType(MtlsAuthenticationException.class).isThrownBy(() -> this.decoder.decode("x"));
		assertThat(this.decodes).hasValue(2);
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
