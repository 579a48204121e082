package io.github.mtls.sample.api;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * {@code GET /whoami}, for any registered operator: tells the caller who its certificate
 * says it is.
 *
 * @author mtls-spring-boot
 */
@RestController
public class WhoamiController {

	@GetMapping("/whoami")
	OperatorView whoami(@AuthenticationPrincipal MyDataOperator operator) {
		return OperatorView.of(operator);
	}

}
