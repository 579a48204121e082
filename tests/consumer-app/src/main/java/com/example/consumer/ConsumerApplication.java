package com.example.consumer;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.mtls.spring.mydata.MyDataOperator;

/**
 * A MyData API as the README's getting started builds it.
 *
 * @author mtls-spring-boot
 */
@SpringBootApplication
@RestController
public class ConsumerApplication {

	@GetMapping("/v2/bank/accounts")
	Map<String, Object> accounts(@AuthenticationPrincipal MyDataOperator operator) {
		return Map.of("org_code", operator.orgCode(), "account_cnt", 0);
	}

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

}
