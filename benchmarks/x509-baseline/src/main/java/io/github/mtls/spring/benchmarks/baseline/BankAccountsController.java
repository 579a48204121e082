package io.github.mtls.spring.benchmarks.baseline;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/bank/accounts} with the sample's fixed answer (see the sample's
 * {@code BankAccountsController}).
 *
 * @author mtls-spring-boot
 */
@RestController
public class BankAccountsController {

	private static final AccountList ACCOUNTS = new AccountList("00000", "success", "20261123093000", null, 2,
			List.of(new AccountList.Account("1002-***-123456", true, "1", false, "Free Savings", false, "1001", "01"),
					new AccountList.Account("1002-***-654321", true, "1", true, "USD Deposit", false, "1003", "01")));

	@GetMapping("/v2/bank/accounts")
	AccountList accounts() {
		return ACCOUNTS;
	}

}
