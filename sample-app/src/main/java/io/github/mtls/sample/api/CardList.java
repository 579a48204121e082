package io.github.mtls.sample.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code GET /v2/card/cards}: the operator's view of a customer's cards, in
 * the MyData standard's shape.
 *
 * @param rspCode the MyData response code
 * @param rspMessage the MyData response message
 * @param searchTimestamp the timestamp the caller may send next time to ask only for
 * changes
 * @param nextPage the key of the next page, or {@code null} on the last one
 * @param cardCount the number of cards in the list
 * @param cards the cards
 * @author mtls-spring-boot
 */
public record CardList(@JsonProperty("rsp_code") String rspCode, @JsonProperty("rsp_msg") String rspMessage,
		@JsonProperty("search_timestamp") String searchTimestamp,
		@JsonProperty("next_page") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextPage,
		@JsonProperty("card_cnt") int cardCount, @JsonProperty("card_list") List<Card> cards) {

	public CardList {
		cards = List.copyOf(cards);
	}

	/**
	 * One card.
	 *
	 * @param cardId the card's id at the issuer
	 * @param cardNumber the card number, masked
	 * @param consented whether the customer consented to its transmission
	 * @param cardName the product name
	 * @param cardMember the member type code (1 holder, 2 family)
	 * @param cardType the card type code (01 credit, 02 check)
	 */
	public record Card(@JsonProperty("card_id") String cardId, @JsonProperty("card_num") String cardNumber,
			@JsonProperty("is_consent") boolean consented, @JsonProperty("card_name") String cardName,
			@JsonProperty("card_member") String cardMember, @JsonProperty("card_type") String cardType) {

	}

}
