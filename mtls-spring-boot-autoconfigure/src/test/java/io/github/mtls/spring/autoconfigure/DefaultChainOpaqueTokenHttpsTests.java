package io.github.mtls.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.AfterAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.mtls.spring.security.MtlsRejectionEvent;

/**
 * Real HTTPS with the starter's default chain and no chain of the application's own:
 * Boot's {@code spring.security.oauth2.resourceserver.opaquetoken.*} properties make the
 * {@code OpaqueTokenIntrospector} of a real local introspection endpoint, and the
 * starter's chain runs the resource server with it.
 */
@SpringBootTest(classes = { TestApplication.class, OpaqueTokenCallContract.CallBeans.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class DefaultChainOpaqueTokenHttpsTests implements OpaqueTokenCallContract {

	static final IntrospectionEndpoint endpoint = OpaqueTokenCallContract.withTokens(IntrospectionEndpoint.start());

	@LocalServerPort
	int port;

	@Autowired
	ResourceServerHttpsTests.RecordedRefusals refusals;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		Properties.register(registry, TestPki.serverSsl("client-ca.p12"));
		Properties.register(registry, TestApplication.OPERATORS);
		Properties.register(registry, PROPERTIES);
		registry.add("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri", endpoint::uri);
		registry.add("spring.security.oauth2.resourceserver.opaquetoken.client-id",
				() -> IntrospectionEndpoint.CLIENT_ID);
		registry.add("spring.security.oauth2.resourceserver.opaquetoken.client-secret",
				() -> IntrospectionEndpoint.CLIENT_SECRET);
	}

	@AfterAll
	static void stopEndpoint() {
		endpoint.close();
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public List<MtlsRejectionEvent> refusals() {
		return this.refusals;
	}

}
