package io.github.mtls.spring.benchmarks.baseline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code GET /v2/bank/accounts}, field for field the sample's
 * {@code io.github.mtls.sample.api.AccountList}, so both sides serialize the same JSON.
 *
 * @param rspCode the MyData response code
 * @param rspMessage the MyData response message
 * @param searchTimestamp the timestamp the caller may send next time to ask only for
 * changes
 * @param nextPage the key of the next page, or {@code null} on the last one
 * @param accountCount the number of accounts in the list
 * @param accounts the accounts
 * @author mtls-spring-boot
 */
public record AccountList(@JsonProperty("rsp_code") String rspCode, @JsonProperty("rsp_msg") String rspMessage,
		@JsonProperty("search_timestamp") String searchTimestamp,
		@JsonProperty("next_page") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextPage,
		@JsonProperty("account_cnt") int accountCount, @JsonProperty("account_list") List<Account> accounts) {

	public AccountList {
		accounts = List.copyOf(accounts);
	}

	/**
	 * One deposit account.
	 *
	 * @param accountNumber the account number, masked
	 * @param consented whether the customer consented to its transmission
	 * @param sequenceNumber the sequence number distinguishing sub-accounts
	 * @param foreignDeposit whether it is a foreign-currency deposit
	 * @param productName the product name
	 * @param minus whether it is an overdraft account
	 * @param accountType the account type code
	 * @param accountStatus the account status code
	 */
	public record Account(@JsonProperty("account_num") String accountNumber,
			@JsonProperty("is_consent") boolean consented, @JsonProperty("seqno") String sequenceNumber,
			@JsonProperty("is_foreign_deposit") boolean foreignDeposit, @JsonProperty("prod_name") String productName,
			@JsonProperty("is_minus") boolean minus, @JsonProperty("account_type") String accountType,
			@JsonProperty("account_status") String accountStatus) {

	}

}
