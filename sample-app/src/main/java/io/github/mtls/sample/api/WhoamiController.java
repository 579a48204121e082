package io.github.mtls.sample.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.mydata.MyDataOperator;
import io.github.mtls.spring.security.MtlsRequestDetails;

/**
 * {@code GET /whoami}, for any registered operator: tells the caller who its certificate
 * says it is.
 *
 * @author mtls-spring-boot
 */
@RestController
public class WhoamiController {

	@GetMapping("/whoami")
	OperatorView whoami(@AuthenticationPrincipal MyDataOperator operator, Authentication authentication) {
		// The caller's address as the starter resolved it (past trusted proxies), not the
		// raw X-Forwarded-For header.
		String clientAddress = (authentication.getDetails() instanceof MtlsRequestDetails details)
				? details.clientAddress() : null;
		return OperatorView.of(operator, clientAddress);
	}

}
