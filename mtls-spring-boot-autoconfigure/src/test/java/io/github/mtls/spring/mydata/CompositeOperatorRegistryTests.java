package io.github.mtls.spring.mydata;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeOperatorRegistryTests {

	@Test
	void findBySerialNumberWhenBothRegisterTheSameOrgCodeThenInlineWins() {
		InMemoryOperatorRegistry inline = new InMemoryOperatorRegistry(
				List.of(registration("A1AAER0000", "2208112345", OperatorStatus.SUSPENDED)));
		InMemoryOperatorRegistry orgList = new InMemoryOperatorRegistry(
				List.of(registration("A1AAER0000", "2208112345", OperatorStatus.ACTIVE),
						registration("D1AAEV0000", "2208112345", OperatorStatus.ACTIVE),
						registration("B1BBBB0000", "9998887776", OperatorStatus.ACTIVE)));
		CompositeOperatorRegistry registry = new CompositeOperatorRegistry(inline, orgList);
		assertThat(registry.findBySerialNumber(SerialNumber.of("2208112345")))
			.extracting(OperatorRegistration::orgCode, OperatorRegistration::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("A1AAER0000", OperatorStatus.SUSPENDED),
					org.assertj.core.groups.Tuple.tuple("D1AAEV0000", OperatorStatus.ACTIVE));
		assertThat(registry.findBySerialNumber(SerialNumber.of("9998887776"))).hasSize(1);
	}

	@Test
	void findBySerialNumberWhenInlineRegistersOrgCodeUnderAnotherSerialThenOrgListEntryIsHidden() {
		InMemoryOperatorRegistry inline = new InMemoryOperatorRegistry(
				List.of(registration("A1AAER0000", "1111111111", OperatorStatus.ACTIVE)));
		InMemoryOperatorRegistry orgList = new InMemoryOperatorRegistry(
				List.of(registration("A1AAER0000", "2208112345", OperatorStatus.ACTIVE)));
		CompositeOperatorRegistry registry = new CompositeOperatorRegistry(inline, orgList);
		assertThat(registry.findBySerialNumber(SerialNumber.of("2208112345"))).isEmpty();
		assertThat(registry.findBySerialNumber(SerialNumber.of("1111111111"))).hasSize(1);
	}

	private static OperatorRegistration registration(String orgCode, String serial, OperatorStatus status) {
		return new OperatorRegistration(orgCode, serial, SerialNumber.of(serial), orgCode, status, Set.of("bank.list"),
				Set.of());
	}

}
