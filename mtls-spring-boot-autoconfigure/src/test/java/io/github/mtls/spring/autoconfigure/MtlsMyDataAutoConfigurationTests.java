package io.github.mtls.spring.autoconfigure;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.mydata.CompositeOperatorRegistry;
import io.github.mtls.spring.mydata.InMemoryOperatorRegistry;
import io.github.mtls.spring.mydata.OperatorRegistration;
import io.github.mtls.spring.mydata.OperatorRegistry;
import io.github.mtls.spring.mydata.SerialNumber;
import io.github.mtls.spring.mydata.orglist.FileOrgListSource;
import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListParser;
import io.github.mtls.spring.mydata.orglist.OrgListRefresher;
import io.github.mtls.spring.observability.OrgListHealthIndicator;
import io.github.mtls.spring.security.MtlsErrorFormat;
import io.github.mtls.spring.security.MtlsErrorWriter;
import io.github.mtls.spring.test.pki.TrustStores;
import io.github.mtls.spring.tranid.TranIdRequirement;
import io.github.mtls.spring.validation.revocation.Bounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MtlsMyDataAutoConfigurationTests {

	private static final String ORG_LIST = """
			{"rsp_code":"00000","rsp_msg":"success","search_timestamp":"20261101090000","org_cnt":2,
			 "org_list":[
			  {"org_code":"A1AAER0000","org_type":"03","org_name":"Org List Name","serial_num":"2208112345",
			   "industry":"bank","ip_cnt":1,"ip_list":[{"ip":"203.0.113.7"}]},
			  {"org_code":"N1NEWW0000","org_type":"03","org_name":"New Fintech","serial_num":"5558112345",
			   "industry":"invest"}]}
			""";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MtlsAutoConfiguration.class, MtlsRegistryHealthAutoConfiguration.class,
				SslAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("mtls.trust-bundle=mydata-ca",
				"spring.ssl.bundle.pem.mydata-ca.truststore.certificate=" + TestPki.file("client-ca.pem"));

	@TempDir
	Path directory;

	@Test
	void inlineOperatorsAloneWithoutRegistryLocation() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(OperatorRegistry.class)
				.doesNotHaveBean(OrgListRefresher.class)
				.doesNotHaveBean(OrgListHealthIndicator.class);
			assertThat(context.getBean(OperatorRegistry.class)).isInstanceOf(InMemoryOperatorRegistry.class);
		});
	}

	@Test
	void combinesInlineOperatorsWithTheOrgListInlineWinning() throws IOException {
		Path file = write(ORG_LIST);
		this.contextRunner
			.withPropertyValues("mtls.mydata.registry.location=file:" + file,
					"mtls.mydata.registry.default-scopes=bank.list", "mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=2208112345", "mtls.mydata.operators[0].name=Inline Name")
			.run((context) -> {
				OperatorRegistry registry = context.getBean(OperatorRegistry.class);
				assertThat(registry).isInstanceOf(CompositeOperatorRegistry.class);
				assertThat(registry.findBySerialNumber(SerialNumber.of("2208112345")))
					.extracting(OperatorRegistration::name)
					.containsExactly("Inline Name");
				assertThat(registry.findBySerialNumber(SerialNumber.of("5558112345"))).singleElement()
					.satisfies((registration) -> {
						assertThat(registration.scopes()).containsExactly("bank.list");
						assertThat(registration.industry()).isEqualTo("invest");
					});
				HealthIndicator health = context.getBean("mtlsRegistryHealthIndicator", HealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				assertThat(health.health().getDetails()).containsEntry("operators", 2);
			});
	}

	@Test
	void healthIsDownUntilAFirstGoodDocumentAndOnlyInlineOperatorsCall() throws IOException {
		Path file = write("{ not json");
		this.contextRunner.withPropertyValues("mtls.mydata.registry.location=file:" + file,
				"mtls.mydata.operators[0].org-code=C1CCBK0000", "mtls.mydata.operators[0].business-number=4208167890")
			.run((context) -> {
				OperatorRegistry registry = context.getBean(OperatorRegistry.class);
				assertThat(registry.findBySerialNumber(SerialNumber.of("5558112345"))).isEmpty();
				assertThat(registry.findBySerialNumber(SerialNumber.of("4208167890"))).hasSize(1);
				HealthIndicator health = context.getBean("mtlsRegistryHealthIndicator", HealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.health().getDetails()).containsEntry("lastFailure", "Org list is not valid JSON")
					.doesNotContainValue("{ not json");
				Files.writeString(file, ORG_LIST);
				context.getBean(OrgListRefresher.class).getRegistry().refresh();
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				assertThat(registry.findBySerialNumber(SerialNumber.of("5558112345"))).hasSize(1);
			});
	}

	@Test
	void refresherOfTheApplicationReplacesTheStartersAndFeedsTheRegistry() throws IOException {
		Path file = write(ORG_LIST);
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		try {
			OrgListRefresher own = new OrgListRefresher(new OrgListOperatorRegistry(new FileOrgListSource(file),
					new OrgListParser(), List.of("03"), List.of()), Duration.ofMinutes(5), scheduler);
			this.contextRunner.withPropertyValues("mtls.mydata.registry.location=file:/nowhere/org-list.json")
				.withBean(OrgListRefresher.class, () -> own)
				.run((context) -> {
					assertThat(context).hasSingleBean(OrgListRefresher.class);
					assertThat(context.getBean(OrgListRefresher.class)).isSameAs(own);
					assertThat(own.isRunning()).isTrue();
					assertThat(
							context.getBean(OperatorRegistry.class).findBySerialNumber(SerialNumber.of("5558112345")))
						.hasSize(1);
				});
			assertThat(own.isRunning()).isFalse();
		}
		finally {
			scheduler.shutdown();
		}
	}

	@Test
	void refresherIsStoppedWithTheContext() throws IOException {
		Path file = write(ORG_LIST);
		OrgListRefresher[] refresher = new OrgListRefresher[1];
		this.contextRunner.withPropertyValues("mtls.mydata.registry.location=file:" + file).run((context) -> {
			refresher[0] = context.getBean(OrgListRefresher.class);
			assertThat(refresher[0].isRunning()).isTrue();
		});
		assertThat(refresher[0].isRunning()).isFalse();
	}

	@Test
	void refreshRunsOnANamedDaemonThreadThatEndsWhenTheContextCloses() throws Exception {
		Path file = write(ORG_LIST);
		List<Thread> refreshThreads = new ArrayList<>();
		this.contextRunner
			.withPropertyValues("mtls.mydata.registry.location=file:" + file,
					"mtls.mydata.registry.refresh-interval=10ms")
			.run((context) -> {
				OrgListRefresher refresher = context.getBean(OrgListRefresher.class);
				Instant firstRead = refresher.getRegistry().status().lastAttempt();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> !firstRead.equals(refresher.getRegistry().status().lastAttempt()));
				refreshThreads.addAll(Thread.getAllStackTraces()
					.keySet()
					.stream()
					.filter((thread) -> thread.getName().startsWith("mtls-refresh-"))
					.toList());
				assertThat(refreshThreads).isNotEmpty().allMatch(Thread::isDaemon);
			});
		for (Thread thread : refreshThreads) {
			thread.join(Duration.ofSeconds(30).toMillis());
			assertThat(thread.isAlive()).as(thread.getName()).isFalse();
		}
	}

	@Test
	void healthIndicatorBacksOffWithoutSpringBootHealth() throws IOException {
		Path file = write(ORG_LIST);
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.withPropertyValues("mtls.mydata.registry.location=file:" + file)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OrgListRefresher.class)
				.doesNotHaveBean("mtlsRegistryHealthIndicator"));
	}

	@Test
	void userRegistryReplacesInlineAndOrgList() throws IOException {
		Path file = write(ORG_LIST);
		this.contextRunner.withUserConfiguration(MtlsAutoConfigurationTests.CustomRegistryConfiguration.class)
			.withPropertyValues("mtls.mydata.registry.location=file:" + file)
			.run((context) -> assertThat(context).hasSingleBean(OperatorRegistry.class)
				.doesNotHaveBean(OrgListRefresher.class));
	}

	@Test
	void failsOnUnsupportedRegistryLocationNamingTheKey() {
		assertFailure("mtls.mydata.registry.location", "mtls.mydata.registry.location=http://portal.example/orgs");
		assertFailure("mtls.mydata.registry.location", "mtls.mydata.registry.location=classpath:orgs.json");
	}

	@Test
	void failsOnUnknownRegistrySslBundleNamingTheKey() {
		assertFailure("mtls.mydata.registry.ssl-bundle", "mtls.mydata.registry.location=https://portal.example/orgs",
				"mtls.mydata.registry.ssl-bundle=missing");
	}

	@Test
	void failsOnNonPositiveRefreshIntervalNamingTheKey() {
		assertFailure("mtls.mydata.registry.refresh-interval", "mtls.mydata.registry.location=file:/nowhere.json",
				"mtls.mydata.registry.refresh-interval=0s");
	}

	@Test
	void failsOnUnparseableIpAllowlistNamingTheKey() {
		assertFailure("mtls.mydata.operators[0].ip-allowlist[1]", "mtls.mydata.operators[0].org-code=A1AAER0000",
				"mtls.mydata.operators[0].business-number=2208112345",
				"mtls.mydata.operators[0].ip-allowlist=203.0.113.7,fintech.example");
	}

	@Test
	void bindsIpAllowlistIndustryAndOrgTypeOfInlineOperators() {
		this.contextRunner
			.withPropertyValues("mtls.mydata.operators[0].org-code=A1AAER0000",
					"mtls.mydata.operators[0].business-number=2208112345",
					"mtls.mydata.operators[0].ip-allowlist=203.0.113.0/24,2001:db8::/32",
					"mtls.mydata.operators[0].industry=bank", "mtls.mydata.operators[0].org-type=03")
			.run((context) -> assertThat(
					context.getBean(OperatorRegistry.class).findBySerialNumber(SerialNumber.of("2208112345")))
				.singleElement()
				.satisfies((registration) -> {
					assertThat(registration.ipAllowlist().entries()).containsExactly("203.0.113.0/24", "2001:db8::/32");
					assertThat(registration.industry()).isEqualTo("bank");
					assertThat(registration.orgType()).isEqualTo("03");
				}));
	}

	@Test
	void bindsErrorFormatAndOverridesByRelaxedReasonNames() {
		this.contextRunner
			.withPropertyValues("mtls.errors.format=problem-detail",
					"mtls.errors.codes.operator-not-registered.status=403",
					"mtls.errors.codes.operator-not-registered.rsp-code=40301",
					"mtls.errors.codes.TRAN_ID_INVALID.rsp-code=40001",
					"mtls.errors.codes.tran-id-invalid.rsp-msg=invalid x-api-tran-id")
			.run((context) -> {
				MtlsErrorWriter writer = context.getBean(MtlsErrorWriter.class);
				assertThat(context.getBean(MtlsProperties.class).errors().format())
					.isEqualTo(MtlsErrorFormat.PROBLEM_DETAIL);
				assertThat(writer.errorCode(MtlsReason.OPERATOR_NOT_REGISTERED).status()).isEqualTo(403);
				assertThat(writer.errorCode(MtlsReason.OPERATOR_NOT_REGISTERED).rspCode()).isEqualTo("40301");
				assertThat(writer.errorCode(MtlsReason.OPERATOR_NOT_REGISTERED).rspMessage())
					.isEqualTo("operator is not registered");
				assertThat(writer.errorCode(MtlsReason.TRAN_ID_INVALID).rspCode()).isEqualTo("40001");
				assertThat(writer.errorCode(MtlsReason.TRAN_ID_INVALID).rspMessage())
					.isEqualTo("invalid x-api-tran-id");
				assertThat(writer.errorCode(MtlsReason.SCOPE_NOT_GRANTED).rspCode()).isEqualTo("40104");
			});
	}

	@Test
	void failsOnOverrideStatusOutsideClientErrorsNamingTheKey() {
		assertFailure("mtls.errors.codes.scope-not-granted.status", "mtls.errors.codes.scope-not-granted.status=500");
		assertFailure("mtls.errors.codes.no-certificate.rsp-code", "mtls.errors.codes.no-certificate.rsp-code=4 01");
	}

	@Test
	void requireTranIdDefaultsToFalse() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(TranIdRequirement.class).isRequired()).isFalse());
		this.contextRunner.withPropertyValues("mtls.mydata.require-tran-id=true")
			.run((context) -> assertThat(context.getBean(TranIdRequirement.class).isRequired()).isTrue());
	}

	@Test
	void readsTheOrgListFromAnHttpsLocationThatDemandsTheClientBundle() throws Exception {
		Path keys = this.directory;
		Files.writeString(keys.resolve("client.crt"), TestPki.registered.chainPem());
		Files.writeString(keys.resolve("client.key"), TestPki.registered.privateKeyPem());
		Files.writeString(keys.resolve("server-ca.crt"), TestPki.serverCa.issued().certificatePem());
		AtomicInteger requests = new AtomicInteger();
		HttpsServer server = portal(requests);
		try {
			this.contextRunner
				.withPropertyValues(
						"mtls.mydata.registry.location=https://localhost:" + server.getAddress().getPort() + "/orgs",
						"mtls.mydata.registry.ssl-bundle=portal",
						"spring.ssl.bundle.pem.portal.keystore.certificate=file:" + keys.resolve("client.crt"),
						"spring.ssl.bundle.pem.portal.keystore.private-key=file:" + keys.resolve("client.key"),
						"spring.ssl.bundle.pem.portal.truststore.certificate=file:" + keys.resolve("server-ca.crt"))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(requests.get()).isEqualTo(1);
					assertThat(
							context.getBean(OperatorRegistry.class).findBySerialNumber(SerialNumber.of("5558112345")))
						.hasSize(1);
				});
			// without the client bundle the portal refuses the handshake: nothing loaded
			this.contextRunner
				.withPropertyValues(
						"mtls.mydata.registry.location=https://localhost:" + server.getAddress().getPort() + "/orgs",
						"mtls.mydata.registry.timeout=3s")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(OrgListRefresher.class).getRegistry().status().loaded()).isFalse();
				});
			assertThat(requests.get()).isEqualTo(1);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void startsFailClosedWhenTheOrgListStallsMidBodyAndLoadsOnALaterRefresh() throws Exception {
		Path keys = this.directory;
		Files.writeString(keys.resolve("client.crt"), TestPki.registered.chainPem());
		Files.writeString(keys.resolve("client.key"), TestPki.registered.privateKeyPem());
		Files.writeString(keys.resolve("server-ca.crt"), TestPki.serverCa.issued().certificatePem());
		AtomicInteger requests = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		// first answer: headers and half the body, then silence until the test ends
		HttpsServer server = portal(requests, (exchange, body) -> {
			if (requests.get() > 1) {
				return false;
			}
			exchange.sendResponseHeaders(200, body.length);
			OutputStream out = exchange.getResponseBody();
			out.write(body, 0, body.length / 2);
			out.flush();
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return true;
		});
		try {
			Bounded.within(Duration.ofSeconds(30),
					() -> this.contextRunner
						.withPropertyValues(
								"mtls.mydata.registry.location=https://localhost:" + server.getAddress().getPort()
										+ "/orgs",
								"mtls.mydata.registry.timeout=1s", "mtls.mydata.registry.ssl-bundle=portal",
								"spring.ssl.bundle.pem.portal.keystore.certificate=file:" + keys.resolve("client.crt"),
								"spring.ssl.bundle.pem.portal.keystore.private-key=file:" + keys.resolve("client.key"),
								"spring.ssl.bundle.pem.portal.truststore.certificate=file:"
										+ keys.resolve("server-ca.crt"),
								"mtls.mydata.operators[0].org-code=C1CCBK0000",
								"mtls.mydata.operators[0].business-number=4208167890")
						.run((context) -> {
							assertThat(context).hasNotFailed();
							OperatorRegistry registry = context.getBean(OperatorRegistry.class);
							assertThat(registry.findBySerialNumber(SerialNumber.of("4208167890"))).hasSize(1);
							assertThat(registry.findBySerialNumber(SerialNumber.of("5558112345"))).isEmpty();
							HealthIndicator health = context.getBean("mtlsRegistryHealthIndicator",
									HealthIndicator.class);
							assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
							// the server now answers in full: a later refresh loads the
							// list (retried: on a loaded machine one handshake and read
							// can outlast the 1 s timeout the stall needs)
							OrgListRefresher refresher = context.getBean(OrgListRefresher.class);
							await().atMost(Duration.ofSeconds(20)).until(() -> {
								refresher.getRegistry().refresh();
								return Status.UP.equals(health.health().getStatus());
							});
							assertThat(registry.findBySerialNumber(SerialNumber.of("5558112345"))).hasSize(1);
						}));
		}
		finally {
			release.countDown();
			server.stop(0);
		}
	}

	private static HttpsServer portal(AtomicInteger requests) throws Exception {
		return portal(requests, (exchange, body) -> false);
	}

	private static HttpsServer portal(AtomicInteger requests, Answer override) throws Exception {
		char[] password = TestPki.PASSWORD.toCharArray();
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		KeyStore serverKeys = TestPki.server.toKeyStore("server", password);
		keyManagers.init(serverKeys, password);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(TrustStores.of(TestPki.clientCa.certificate()));
		SSLContext sslContext = SSLContext.getInstance("TLS");
		sslContext.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
		HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(sslContext) {

			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
				ssl.setNeedClientAuth(true);
				parameters.setSSLParameters(ssl);
			}

		});
		server.createContext("/orgs", (exchange) -> {
			requests.incrementAndGet();
			byte[] body = ORG_LIST.getBytes(StandardCharsets.UTF_8);
			if (override.answer(exchange, body)) {
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		// a stalled exchange must not block the next request
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		return server;
	}

	private void assertFailure(String key, String... properties) {
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(key));
	}

	private Path write(String json) throws IOException {
		return Files.writeString(this.directory.resolve("orgs.json"), json);
	}

	private interface Answer {

		boolean answer(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException;

	}

}
