package io.github.mtls.spring.mydata.orglist;

import java.nio.charset.StandardCharsets;

/**
 * Realistic org-list documents (support API 002 responses) for the tests.
 */
final class OrgLists {

	/**
	 * A full list: two MyData operators (one with two org codes under one serial, one
	 * with a hyphenated serial_num and an IP list), the integrated portal, an information
	 * provider (not allowed to call) and a member with no serial number. Carries fields
	 * the starter ignores.
	 */
	static final String FULL = """
			{
			  "rsp_code": "00000",
			  "rsp_msg": "success",
			  "search_timestamp": 20261101090000,
			  "org_cnt": "6",
			  "next_page": null,
			  "org_list": [
			    {
			      "org_code": "A1AAER0000", "org_type": "03", "org_name": "Example Fintech",
			      "org_regno": "220-81-12345", "corp_regno": "110111-1234567", "serial_num": "2208112345",
			      "address": "Seoul", "domain": "api.fintech.example", "domain_ip_cnt": 1,
			      "domain_ip_list": [{"domain_ip": "198.51.100.10:443"}], "relay_org_code": "",
			      "industry": "bank", "auth_type": "03", "is_rcv_org": true,
			      "ip_cnt": 2, "ip_list": [{"ip": "203.0.113.7"}, {"ip": "203.0.113.64/28"}],
			      "cert_issuer_dn": "o=yessign", "cert_oid": "1.2.410.200005.1.1.1",
			      "np_time_cnt": 1, "np_time_list": [{"np_time": "0000:0600"}]
			    },
			    {
			      "org_code": "D1AAEV0000", "org_type": "03", "org_name": "Example Fintech Card",
			      "org_regno": "220-81-12345", "serial_num": "220-81-12345", "industry": "card",
			      "ip_cnt": 0, "ip_list": []
			    },
			    {
			      "org_code": "B2BBBB0000", "org_type": "03", "org_name": "Regno Only",
			      "org_regno": "420-81-67890", "industry": "bank"
			    },
			    {
			      "org_code": "P0PPPP0000", "org_type": "07", "org_name": "MyData Portal",
			      "org_regno": "1018212345", "serial_num": "1018212345"
			    },
			    {
			      "org_code": "Z9ZZZZ0000", "org_type": "01", "org_name": "Some Bank",
			      "org_regno": "3108154321", "serial_num": "3108154321", "industry": "bank"
			    },
			    {
			      "org_code": "V1VPNN0000", "org_type": "03", "org_name": "Dedicated Line Member"
			    }
			  ]
			}
			""";

	/**
	 * An increment after {@link #FULL}: inserts one operator, modifies one (new IP list),
	 * deletes another.
	 */
	static final String INCREMENT = """
			{
			  "rsp_code": "00000", "rsp_msg": "success", "search_timestamp": "20261102090000", "org_cnt": 3,
			  "org_list": [
			    {"op_type": "I", "org_code": "N1NEWW0000", "org_type": "03", "org_name": "New Fintech",
			     "org_regno": "5558112345", "serial_num": "5558112345", "industry": "invest"},
			    {"op_type": "M", "org_code": "A1AAER0000", "org_type": "03", "org_name": "Example Fintech",
			     "org_regno": "220-81-12345", "serial_num": "2208112345", "industry": "bank",
			     "ip_cnt": 1, "ip_list": [{"ip": "192.0.2.1"}]},
			    {"op_type": "D", "org_code": "D1AAEV0000"}
			  ]
			}
			""";

	private OrgLists() {
	}

	static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
