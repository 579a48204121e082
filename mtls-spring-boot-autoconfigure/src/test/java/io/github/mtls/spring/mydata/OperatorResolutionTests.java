package io.github.mtls.spring.mydata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.mtls.spring.error.MtlsReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OperatorResolutionTests {

	private static final String FINGERPRINT = "ab".repeat(32);

	@Test
	void resolvedCarriesTheOperatorWithItsFingerprintAndOrgCodes() {
		MyDataOperator operator = new MyDataOperator(List.of("A1AAER0000"), "2208112345", "2208112345", "Example",
				OperatorStatus.ACTIVE, Set.of("bank.list"), FINGERPRINT, "CN=op", "CN=ca", Instant.EPOCH, Set.of(),
				Set.of());
		OperatorResolution resolution = OperatorResolution.resolved(operator);
		assertThat(resolution.isResolved()).isTrue();
		assertThat(resolution.operator()).isSameAs(operator);
		assertThat(resolution.refusal()).isNull();
		assertThat(resolution.fingerprint()).isEqualTo(FINGERPRINT);
		assertThat(resolution.orgCodes()).containsExactly("A1AAER0000");
	}

	@Test
	void refusedCarriesTheReasonAndWhatTheAuditLineNamesAndNoOperator() {
		List<String> orgCodes = new ArrayList<>(List.of("A1AAER0000"));
		OperatorResolution resolution = OperatorResolution.refused(MtlsReason.OPERATOR_SUSPENDED, FINGERPRINT,
				orgCodes);
		orgCodes.add("changed later");
		assertThat(resolution.isResolved()).isFalse();
		assertThat(resolution.operator()).isNull();
		assertThat(resolution.refusal()).isEqualTo(MtlsReason.OPERATOR_SUSPENDED);
		assertThat(resolution.fingerprint()).isEqualTo(FINGERPRINT);
		assertThat(resolution.orgCodes()).containsExactly("A1AAER0000");
	}

	@Test
	void createWhenNeitherOrBothThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OperatorResolution(null, null, FINGERPRINT, List.of()));
	}

}
