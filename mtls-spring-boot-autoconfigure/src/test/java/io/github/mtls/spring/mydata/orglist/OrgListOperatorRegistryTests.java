package io.github.mtls.spring.mydata.orglist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.SerialNumber;

import static org.assertj.core.api.Assertions.assertThat;

class OrgListOperatorRegistryTests {

	@TempDir
	Path directory;

	@Test
	void refreshWhenNoDocumentYetThenEmptyAndNotLoaded() {
		OrgListOperatorRegistry registry = registry();
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.FAILED);
		assertThat(registry.status().loaded()).isFalse();
		assertThat(registry.status().lastFailure()).contains("could not be read");
		assertThat(registry.findBySerialNumber(SerialNumber.of("2208112345"))).isEmpty();
	}

	@Test
	void refreshWhenFullListThenOperatorsOfAllowedOrgTypesCanBeFound() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL);
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.status().loaded()).isTrue();
		assertThat(registry.status().entries()).isEqualTo(6);
		assertThat(registry.status().operators()).isEqualTo(4);
		List<OperatorRegistration> fintech = registry.findBySerialNumber(SerialNumber.of("2208112345"));
		assertThat(fintech).extracting(OperatorRegistration::orgCode).containsExactly("A1AAER0000", "D1AAEV0000");
		OperatorRegistration bank = fintech.get(0);
		assertThat(bank.scopes()).containsExactly("bank.list");
		assertThat(bank.industry()).isEqualTo("bank");
		assertThat(bank.orgType()).isEqualTo("03");
		assertThat(bank.businessNumber()).isEqualTo("220-81-12345");
		assertThat(bank.name()).isEqualTo("Example Fintech");
		assertThat(bank.ipAllowlist().allows("203.0.113.7")).isTrue();
		assertThat(bank.ipAllowlist().allows("203.0.113.70")).isTrue();
		assertThat(bank.ipAllowlist().allows("198.51.100.1")).isFalse();
		assertThat(fintech.get(1).ipAllowlist().allowsAny()).isTrue();
		// serial_num absent: org_regno, hyphens ignored
		assertThat(registry.findBySerialNumber(SerialNumber.of("4208167890"))).extracting(OperatorRegistration::orgCode)
			.containsExactly("B2BBBB0000");
		// the integrated portal (07) may call; an information provider (01) may not
		assertThat(registry.findBySerialNumber(SerialNumber.of("1018212345"))).hasSize(1);
		assertThat(registry.findBySerialNumber(SerialNumber.of("3108154321"))).isEmpty();
		assertThat(registry.getRegistrations()).extracting(OperatorRegistration::orgCode).doesNotContain("V1VPNN0000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "\"org_type\": null, ", "\"org_type\": \"\", ", "\"org_type\": 7, ",
			"\"org_type\": \"7\", ", "\"org_type\": \"07\\u0000\", ", "\"org_type\": [\"07\"], " })
	void refreshWhenEntryHasNoAllowedOrgTypeThenItCannotCall(String orgType) throws IOException {
		OrgListOperatorRegistry registry = registry();
		String portal = "\"org_type\": \"07\", \"org_name\": \"MyData Portal\"";
		assertThat(OrgLists.FULL).contains(portal);
		write(OrgLists.FULL.replace(portal, orgType + "\"org_name\": \"MyData Portal\""));
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.findBySerialNumber(SerialNumber.of("1018212345"))).isEmpty();
		assertThat(registry.getRegistrations()).extracting(OperatorRegistration::orgCode)
			.doesNotContain("P0PPPP0000")
			.contains("A1AAER0000");
	}

	@Test
	void refreshWhenIncrementThenInsertsModifiesAndDeletes() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL);
		registry.refresh();
		write(OrgLists.INCREMENT);
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.status().searchTimestamp()).isEqualTo(20261102090000L);
		assertThat(registry.findBySerialNumber(SerialNumber.of("5558112345")))
			.extracting(OperatorRegistration::industry)
			.containsExactly("invest");
		List<OperatorRegistration> fintech = registry.findBySerialNumber(SerialNumber.of("2208112345"));
		assertThat(fintech).extracting(OperatorRegistration::orgCode).containsExactly("A1AAER0000");
		assertThat(fintech.get(0).ipAllowlist().allows("192.0.2.1")).isTrue();
		assertThat(fintech.get(0).ipAllowlist().allows("203.0.113.7")).isFalse();
		// untouched entries stay
		assertThat(registry.findBySerialNumber(SerialNumber.of("4208167890"))).hasSize(1);
	}

	@Test
	void refreshWhenIncrementBeforeAnyFullListThenAppliesToEmptyList() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.INCREMENT);
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.getRegistrations()).extracting(OperatorRegistration::orgCode)
			.containsExactly("N1NEWW0000", "A1AAER0000");
	}

	@Test
	void refreshWhenDocumentOlderThanLastAppliedThenIgnored() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL);
		registry.refresh();
		write(OrgLists.INCREMENT);
		registry.refresh();
		write(OrgLists.FULL.replace("\"org_cnt\": \"6\"", "\"org_cnt\": 6"));
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.STALE);
		assertThat(registry.findBySerialNumber(SerialNumber.of("5558112345"))).hasSize(1);
		assertThat(registry.status().lastFailure()).isNull();
	}

	@Test
	void refreshWhenFullListWithoutSearchTimestampThenReplacesEverything() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL);
		registry.refresh();
		write("""
				{"rsp_code":"00000","org_cnt":1,"org_list":[
				  {"org_code":"Q1QQQQ0000","org_type":"03","serial_num":"9998887776"}]}
				""");
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.getRegistrations()).extracting(OperatorRegistration::orgCode).containsExactly("Q1QQQQ0000");
	}

	@Test
	void refreshWhenDocumentUnchangedThenSkipped() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL);
		registry.refresh();
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.UNCHANGED);
	}

	@Test
	void refreshWhenDocumentCorruptOrInconsistentThenKeepsLastGoodRegistry() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL);
		registry.refresh();
		for (String bad : List.of(OrgLists.FULL.substring(0, 200), "{\"rsp_code\":\"50001\",\"rsp_msg\":\"error\"}",
				OrgLists.FULL.replace("\"org_cnt\": \"6\"", "\"org_cnt\": \"7\""),
				OrgLists.INCREMENT.replace("N1NEWW0000", "A1AAER0000"))) {
			write(bad);
			assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.FAILED);
			assertThat(registry.status().loaded()).isTrue();
			assertThat(registry.status().lastFailure()).isNotNull();
			assertThat(registry.findBySerialNumber(SerialNumber.of("2208112345"))).hasSize(2);
		}
		Files.delete(this.directory.resolve("orgs.json"));
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.FAILED);
		assertThat(registry.findBySerialNumber(SerialNumber.of("2208112345"))).hasSize(2);
		write(OrgLists.INCREMENT);
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.status().lastFailure()).isNull();
	}

	@Test
	void refreshWhenEntryHasUnusableIpListThenOnlyThatEntryCannotCall() throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL.replace("203.0.113.64/28", "not-an-address"));
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.getRegistrations()).extracting(OperatorRegistration::orgCode)
			.doesNotContain("A1AAER0000")
			.contains("D1AAEV0000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"ip\":null}", "{}", "{\"ip\":\"\"}", "{\"ip\":7}", "null" })
	void refreshWhenEntryHasIpListItemWithoutAddressThenOnlyThatEntryCannotCall(String item) throws IOException {
		OrgListOperatorRegistry registry = registry();
		write(OrgLists.FULL.replace("{\"ip\": \"203.0.113.64/28\"}", item));
		assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		assertThat(registry.getRegistrations()).extracting(OperatorRegistration::orgCode)
			.doesNotContain("A1AAER0000")
			.contains("D1AAEV0000");
	}

	@Test
	void findWhenRefreshingConcurrentlyThenEverySnapshotIsWhole() throws Exception {
		// Two documents that each register a serial under two org codes: a torn registry
		// would show one org code of one document and one of the other.
		String first = twoEntries("E1EEEE0000", "E2EEEE0000", "bank.list");
		String second = twoEntries("F1FFFF0000", "F2FFFF0000", "card.list");
		OrgListOperatorRegistry registry = registry();
		write(first);
		registry.refresh();
		AtomicBoolean running = new AtomicBoolean(true);
		ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
		CountDownLatch started = new CountDownLatch(4);
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Thread reader = new Thread(() -> {
				started.countDown();
				while (running.get()) {
					List<OperatorRegistration> found = registry.findBySerialNumber(SerialNumber.of("7778889990"));
					List<String> codes = found.stream().map(OperatorRegistration::orgCode).toList();
					if (!codes.equals(List.of("E1EEEE0000", "E2EEEE0000"))
							&& !codes.equals(List.of("F1FFFF0000", "F2FFFF0000"))) {
						torn.add(codes.toString());
					}
				}
			});
			reader.start();
			readers.add(reader);
		}
		started.await();
		for (int i = 0; i < 200; i++) {
			write(((i % 2) == 0) ? second : first);
			assertThat(registry.refresh()).isEqualTo(OrgListOperatorRegistry.Outcome.APPLIED);
		}
		running.set(false);
		for (Thread reader : readers) {
			reader.join();
		}
		assertThat(torn).isEmpty();
	}

	private static String twoEntries(String firstCode, String secondCode, String scope) {
		return """
				{"rsp_code":"00000","org_cnt":2,"org_list":[
				  {"org_code":"%s","org_type":"03","serial_num":"7778889990","org_name":"%s"},
				  {"org_code":"%s","org_type":"03","serial_num":"7778889990"}]}
				""".formatted(firstCode, scope, secondCode);
	}

	private OrgListOperatorRegistry registry() {
		return new OrgListOperatorRegistry(new FileOrgListSource(this.directory.resolve("orgs.json")),
				new OrgListParser(), List.of("03", "07"), List.of("bank.list"));
	}

	private void write(String json) throws IOException {
		// As a sync job should: write aside, then move into place atomically.
		Path temporary = this.directory.resolve("orgs.json.tmp");
		Files.writeString(temporary, json);
		Files.move(temporary, this.directory.resolve("orgs.json"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

}
