package io.github.mtls.sample.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/card/cards}, for operators granted {@code card.list} (see
 * {@code mtls.access-rules}). Answers a fixed, small list.
 *
 * @author mtls-spring-boot
 */
@RestController
public class CardsController {

	private static final CardList CARDS = new CardList("00000", "success", "20261123093000", null, 2,
			List.of(new CardList.Card("C0001", "9410-****-****-1234", true, "Everyday Credit", "1", "01"),
					new CardList.Card("C0002", "5310-****-****-5678", true, "Check Plus", "1", "02")));

	@GetMapping("/v2/card/cards")
	CardList cards() {
		return CARDS;
	}

}
