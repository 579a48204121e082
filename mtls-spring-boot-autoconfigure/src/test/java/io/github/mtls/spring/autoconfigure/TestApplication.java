package io.github.mtls.spring.autoconfigure;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.source.PeerAddress;

/**
 * A minimal API secured by the starter, for the HTTPS tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {

	static final String[] OPERATORS = { "mtls.mydata.operators[0].org-code=A1AAER0000",
			"mtls.mydata.operators[0].business-number=2208112345", "mtls.mydata.operators[0].name=Example Fintech",
			"mtls.mydata.operators[0].scopes=bank.list,card.list", "mtls.mydata.operators[1].org-code=C1CCBK0000",
			"mtls.mydata.operators[1].business-number=4208167890", "mtls.mydata.operators[1].scopes=bank.list",
			"mtls.mydata.operators[2].org-code=B1BBSU0000", "mtls.mydata.operators[2].business-number=3108154321",
			"mtls.mydata.operators[2].status=suspended", "mtls.mydata.operators[2].scopes=bank.list",
			"mtls.access-rules[0].path=/v2/bank/**", "mtls.access-rules[0].methods=GET",
			"mtls.access-rules[0].scopes=bank.list", "mtls.access-rules[1].path=/v2/card/**",
			"mtls.access-rules[1].scopes=card.list", "mtls.access-rules[2].path=/public/**",
			"mtls.access-rules[2].permit-all=true" };

	@RestController
	static class TestController {

		@GetMapping("/whoami")
		Map<String, Object> whoami(@AuthenticationPrincipal MyDataOperator operator) {
			return Map.of("org_code", operator.orgCode(), "business_number", operator.businessNumber(), "scopes",
					operator.scopes(), "fingerprint", operator.certificateFingerprint());
		}

		@GetMapping("/v2/bank/accounts")
		Map<String, Object> accounts() {
			return Map.of("rsp_code", "00000");
		}

		@GetMapping("/v2/card/cards")
		Map<String, Object> cards() {
			return Map.of("rsp_code", "00000");
		}

		@GetMapping("/public/peer")
		Map<String, Object> peer(HttpServletRequest request) {
			return Map.of("peer", PeerAddress.of(request), "remote", request.getRemoteAddr());
		}

		@GetMapping("/public/ping")
		Map<String, Object> ping() {
			return Map.of("pong", true);
		}

	}

}
