package io.github.mtls.spring.header;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DecodedHeaderTests {

	@Test
	void ofWhenCertificatesThenNotRefusedWithFormat() {
		DecodedHeader decoded = DecodedHeader.of(HeaderFormat.RFC9440,
				List.of(HeaderValues.leaf, HeaderValues.intermediate.certificate()));
		assertThat(decoded.certificates()).containsExactly(HeaderValues.leaf, HeaderValues.intermediate.certificate());
		assertThat(decoded.format()).isEqualTo(HeaderFormat.RFC9440);
		assertThat(decoded.refusal()).isNull();
		assertThat(decoded.isRefused()).isFalse();
	}

	@Test
	void ofWhenListChangesLaterThenCertificatesDoNot() {
		List<X509Certificate> certificates = new ArrayList<>(List.of(HeaderValues.leaf));
		DecodedHeader decoded = DecodedHeader.of(null, certificates);
		certificates.add(HeaderValues.intermediate.certificate());
		assertThat(decoded.certificates()).containsExactly(HeaderValues.leaf);
		assertThat(decoded.format()).isNull();
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> decoded.certificates().add(HeaderValues.leaf));
	}

	@Test
	void noneWhenValueSaysNoCertificateThenEmptyAndNotRefused() {
		DecodedHeader decoded = DecodedHeader.none(HeaderFormat.PEM);
		assertThat(decoded.certificates()).isEmpty();
		assertThat(decoded.format()).isEqualTo(HeaderFormat.PEM);
		assertThat(decoded.isRefused()).isFalse();
	}

	@Test
	void malformedWhenCalledTwiceThenOneSharedRefusal() {
		DecodedHeader decoded = DecodedHeader.malformed();
		assertThat(decoded.isRefused()).isTrue();
		assertThat(decoded.refusal()).isEqualTo(MtlsReason.MALFORMED_HEADER);
		assertThat(decoded.certificates()).isEmpty();
		assertThat(decoded.format()).isNull();
		assertThat(DecodedHeader.malformed()).isSameAs(decoded);
	}

	@Test
	void constructorWhenRefusalWithCertificatesThenFails() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DecodedHeader(List.of(HeaderValues.leaf), null, MtlsReason.MALFORMED_HEADER))
			.withMessage("a refusal carries no certificates");
	}

}
