package io.github.mtls.spring.autoconfigure;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MtlsRejectionEvent;
import io.github.mtls.spring.source.ClientAddressResolver;
import io.github.mtls.spring.source.PeerAddress;

import static io.github.mtls.spring.test.web.MtlsRequestPostProcessors.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The starter through MockMvc with {@code MtlsRequestPostProcessors}: IP allowlists
 * (through the {@link ClientAddressResolver} bean, here a stand-in for a proxy-aware
 * one), {@code require-tran-id}, industry rules and {@code @PreAuthorize} on scopes.
 */
@SpringBootTest(classes = { TestApplication.class, MtlsMockMvcTests.Config.class },
		properties = { "mtls.client-auth=none", "mtls.trust-bundle=mydata-ca", "mtls.mydata.require-tran-id=true",
				"mtls.mydata.operators[0].org-code=A1AAER0000", "mtls.mydata.operators[0].business-number=2208112345",
				"mtls.mydata.operators[0].scopes=bank.list,card.list", "mtls.mydata.operators[0].industry=bank",
				"mtls.mydata.operators[0].org-type=03", "mtls.mydata.operators[0].ip-allowlist=203.0.113.0/24",
				"mtls.mydata.operators[1].org-code=C1CCBK0000", "mtls.mydata.operators[1].business-number=4208167890",
				"mtls.mydata.operators[1].scopes=bank.list", "mtls.mydata.operators[1].industry=card",
				"mtls.access-rules[0].path=/v2/bank/**", "mtls.access-rules[0].scopes=bank.list",
				"mtls.access-rules[0].industries=bank", "mtls.access-rules[1].path=/v2/card/**",
				"mtls.access-rules[1].scopes=card.list", "mtls.access-rules[2].path=/public/**",
				"mtls.access-rules[2].permit-all=true" })
@AutoConfigureMockMvc
class MtlsMockMvcTests {

	static final String TRAN_ID = "A1AAER0000M000000001";

	static final String PROXY = "10.0.0.5";

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordedRefusals refusals;

	@org.springframework.test.context.DynamicPropertySource
	static void trust(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("spring.ssl.bundle.pem.mydata-ca.truststore.certificate", () -> TestPki.file("client-ca.pem"));
	}

	@Test
	void getWhenOperatorCallsFromAllowlistedAddressThenOk() throws Exception {
		this.mvc
			.perform(get("/v2/bank/accounts")
				.with(operator(TestPki.registered).remoteAddress("203.0.113.7").tranId(TRAN_ID)))
			.andExpect(status().isOk())
			.andExpect(header().string("x-api-tran-id", TRAN_ID));
	}

	@Test
	void getWhenOperatorCallsFromOtherAddressThenRefusedWith40102() throws Exception {
		this.mvc
			.perform(get("/v2/bank/accounts")
				.with(operator(TestPki.registered).remoteAddress("198.51.100.9").tranId(TRAN_ID)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType("application/json;charset=UTF-8"))
			.andExpect(content().json("{\"rsp_code\":\"40102\",\"rsp_msg\":\"source IP address not allowed\"}"))
			.andExpect(header().string("x-api-tran-id", TRAN_ID));
	}

	@Test
	void getWhenClientSpoofsForwardedForDirectlyThenTheirOwnAddressCounts() throws Exception {
		this.mvc
			.perform(get("/v2/bank/accounts").header("X-Forwarded-For", "203.0.113.7")
				.with(operator(TestPki.registered).remoteAddress("198.51.100.9").tranId(TRAN_ID)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.rsp_code").value("40102"));
	}

	@Test
	void getWhenBehindTrustedProxyThenAddressTheProxyAppendedCountsNotTheSpoofedOne() throws Exception {
		// The client wrote 203.0.113.7 itself; the proxy appended the real 198.51.100.9.
		this.mvc
			.perform(get("/v2/bank/accounts").header("X-Forwarded-For", "203.0.113.7, 198.51.100.9")
				.with(operator(TestPki.registered).remoteAddress(PROXY).tranId(TRAN_ID)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.rsp_code").value("40102"));
		this.mvc
			.perform(get("/v2/bank/accounts").header("X-Forwarded-For", "198.51.100.9, 203.0.113.7")
				.with(operator(TestPki.registered).remoteAddress(PROXY).tranId(TRAN_ID)))
			.andExpect(status().isOk());
	}

	@Test
	void getWhenTranIdMissingOrNotStandardThenRefusedWith40002() throws Exception {
		this.mvc.perform(get("/v2/bank/accounts").with(operator(TestPki.bankOnly)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rsp_code").value("40002"));
		this.mvc.perform(get("/v2/bank/accounts").with(operator(TestPki.bankOnly).tranId("550e8400-e29b-41d4-a716")))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("x-api-tran-id", "550e8400-e29b-41d4-a716"))
			.andExpect(jsonPath("$.rsp_code").value("40002"));
		assertThat(this.refusals).filteredOn((event) -> event.getReason() == MtlsReason.TRAN_ID_INVALID)
			.hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void getWhenIndustryRequiredAndOperatorHasAnotherThenRefusedWith40104() throws Exception {
		this.mvc.perform(get("/v2/bank/accounts").with(operator(TestPki.bankOnly).tranId(TRAN_ID)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.rsp_code").value("40104"));
	}

	@Test
	void whoamiWhenOperatorThenPrincipalCarriesOrgCode() throws Exception {
		this.mvc.perform(get("/whoami").with(operator(TestPki.bankOnly).tranId(TRAN_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.org_code").value("C1CCBK0000"));
	}

	@Test
	void preAuthorizeWhenScopeHeldThenOkElse40104() throws Exception {
		this.mvc
			.perform(get("/method/cards")
				.with(operator(TestPki.registered).remoteAddress("203.0.113.7").tranId(TRAN_ID)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/method/cards").with(operator(TestPki.bankOnly).tranId(TRAN_ID)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.rsp_code").value("40104"));
	}

	@Test
	void getWhenUnregisteredThenRefusedWith40103() throws Exception {
		this.mvc.perform(get("/whoami").with(operator(TestPki.unregistered).tranId(TRAN_ID)))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.rsp_code").value("40103"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class Config {

		/**
		 * A stand-in for a proxy-aware resolver: from the trusted proxy, the right-most
		 * X-Forwarded-For entry (the one the proxy appended); from anyone else, the peer.
		 */
		@Bean
		ClientAddressResolver mtlsClientAddressResolver() {
			return (request) -> {
				String peer = PeerAddress.of(request);
				String forwarded = request.getHeader("X-Forwarded-For");
				if (!PROXY.equals(peer) || forwarded == null) {
					return peer;
				}
				String[] entries = forwarded.split(",");
				return entries[entries.length - 1].trim();
			};
		}

		@Bean
		RecordedRefusals recordedRefusals() {
			return new RecordedRefusals();
		}

		@Bean
		MethodSecuredController methodSecuredController() {
			return new MethodSecuredController();
		}

	}

	static class RecordedRefusals extends CopyOnWriteArrayList<MtlsRejectionEvent>
			implements ApplicationListener<MtlsRejectionEvent> {

		@Override
		public void onApplicationEvent(MtlsRejectionEvent event) {
			add(event);
		}

	}

	@RestController
	static class MethodSecuredController {

		@GetMapping("/method/cards")
		@PreAuthorize("hasAuthority('SCOPE_card.list')")
		Map<String, Object> cards(HttpServletRequest request) {
			return Map.of("rsp_code", "00000");
		}

	}

}
