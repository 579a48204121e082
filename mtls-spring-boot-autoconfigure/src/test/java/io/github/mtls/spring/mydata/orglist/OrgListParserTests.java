package io.github.mtls.spring.mydata.orglist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrgListParserTests {

	private final OrgListParser parser = new OrgListParser();

	@Test
	void parseWhenFullListThenReadsEntriesAndIgnoresUnknownFields() {
		OrgListDocument document = this.parser.parse(OrgLists.bytes(OrgLists.FULL));
		assertThat(document.searchTimestamp()).isEqualTo(20261101090000L);
		assertThat(document.isIncrement()).isFalse();
		assertThat(document.entries()).hasSize(6);
		OrgListEntry first = document.entries().get(0);
		assertThat(first.orgCode()).isEqualTo("A1AAER0000");
		assertThat(first.orgType()).isEqualTo("03");
		assertThat(first.serialNum()).isEqualTo("2208112345");
		assertThat(first.orgRegno()).isEqualTo("220-81-12345");
		assertThat(first.industry()).isEqualTo("bank");
		assertThat(first.ipList()).containsExactly("203.0.113.7", "203.0.113.64/28");
		assertThat(document.entries().get(5).serialNum()).isNull();
	}

	@Test
	void parseWhenIncrementThenReadsOpTypes() {
		OrgListDocument document = this.parser.parse(OrgLists.bytes(OrgLists.INCREMENT));
		assertThat(document.isIncrement()).isTrue();
		assertThat(document.searchTimestamp()).isEqualTo(20261102090000L);
		assertThat(document.entries()).extracting(OrgListEntry::opType).containsExactly("I", "M", "D");
		assertThat(document.entries().get(2).isDeletion()).isTrue();
	}

	@Test
	void parseWhenIpListHoldsStringsThenReadsThem() {
		OrgListDocument document = this.parser.parse(OrgLists.bytes("""
				{"rsp_code":"00000","org_list":[{"org_code":"A1AAER0000","org_type":"03","ip_list":["10.0.0.1"]}]}
				"""));
		assertThat(document.entries().get(0).ipList()).containsExactly("10.0.0.1");
		assertThat(document.searchTimestamp()).isZero();
	}

	@Test
	void parseWhenValueHasSurroundingSpacesOrControlsThenOnlySpacesAreTrimmed() {
		OrgListDocument document = this.parser.parse(OrgLists.bytes("""
				{"rsp_code":"00000","org_list":[{"org_code":"A1AAER0000","org_type":" 03 ","serial_num":"1"},
				{"org_code":"A1AAER0001","org_type":"07\\u0000","serial_num":"2"},
				{"org_code":"A1AAER0002","org_type":"\\t07","serial_num":"3"}]}
				"""));
		assertThat(document.entries().get(0).orgType()).isEqualTo("03");
		assertThat(document.entries().get(1).orgType()).isEqualTo("07\u0000");
		assertThat(document.entries().get(2).orgType()).isEqualTo("\t07");
	}

	@Test
	void parseWhenNotJsonThenRefused() {
		assertInvalid("{\"rsp_code\":\"00000\",\"org_list\":[", "not valid JSON");
		assertInvalid("", "not");
		assertInvalid("[]", "not a JSON object");
	}

	@Test
	void parseWhenTrailingContentThenRefused() {
		assertInvalid("{\"rsp_code\":\"00000\",\"org_list\":[]} {}", "not valid JSON");
	}

	@Test
	void parseWhenRspCodeIsAnErrorThenRefused() {
		assertInvalid("{\"rsp_code\":\"40101\",\"rsp_msg\":\"invalid token\"}", "rsp_code");
		assertInvalid("{\"org_list\":[]}", "rsp_code");
	}

	@Test
	void parseWhenOrgCountDoesNotMatchThenRefused() {
		assertInvalid("{\"rsp_code\":\"00000\",\"org_cnt\":2,\"org_list\":[{\"org_code\":\"A1AAER0000\"}]}", "org_cnt");
		assertInvalid("{\"rsp_code\":\"00000\",\"org_cnt\":\"x\",\"org_list\":[]}", "org_cnt");
	}

	@Test
	void parseWhenOrgCodeRepeatedThenRefused() {
		assertInvalid(
				"{\"rsp_code\":\"00000\",\"org_list\":[{\"org_code\":\"A1AAER0000\"},{\"org_code\":\"A1AAER0000\"}]}",
				"more than once");
	}

	@Test
	void parseWhenEntryInconsistentThenRefused() {
		assertInvalid("{\"rsp_code\":\"00000\",\"org_list\":[{\"org_name\":\"x\"}]}", "org_code");
		assertInvalid("{\"rsp_code\":\"00000\",\"org_list\":[{\"org_code\":\"A1AAER0000\",\"op_type\":\"X\"}]}",
				"op_type");
		assertInvalid("{\"rsp_code\":\"00000\",\"org_list\":{}}", "not an array");
	}

	@Test
	void parseWhenRefusedThenMessageDoesNotQuoteTheDocument() {
		assertThatExceptionOfType(InvalidOrgListException.class)
			.isThrownBy(() -> this.parser.parse(OrgLists.bytes("{\"rsp_code\":\"SECRET-VALUE\"}")))
			.withMessageNotContaining("SECRET-VALUE");
	}

	private void assertInvalid(String json, String message) {
		assertThatExceptionOfType(InvalidOrgListException.class)
			.isThrownBy(() -> this.parser.parse(OrgLists.bytes(json)))
			.withMessageContaining(message);
	}

}
