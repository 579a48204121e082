package io.github.mtls.spring.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.github.mtls.spring.certificate.Sha256Fingerprint;
import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListParser;
import io.github.mtls.spring.mydata.orglist.OrgListSource;
import io.github.mtls.spring.test.pki.CertificateAuthority;
import io.github.mtls.spring.validation.TrustAnchors;

import static org.assertj.core.api.Assertions.assertThat;

class MtlsHealthIndicatorTests {

	private static final String ORG_LIST = """
			{"rsp_code":"00000","rsp_msg":"success","search_timestamp":"20261101090000","org_cnt":1,
			 "org_list":[{"org_code":"A1AAER0000","org_type":"03","org_name":"Fintech","serial_num":"2208112345"}]}
			""";

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private static final CertificateAuthority ca = CertificateAuthority.root("MyData Test CA");

	private static final X509Certificate longLived = certificate("Long Lived", NOW.plus(Duration.ofDays(365)));

	private final AtomicReference<List<X509Certificate>> server = new AtomicReference<>(List.of(longLived));

	private final AtomicReference<List<X509Certificate>> intermediates = new AtomicReference<>(List.of());

	private final MtlsHealthIndicator indicator = new MtlsHealthIndicator(new CertificateInventory(this.server::get,
			() -> TrustAnchors.of(ca.certificate()), this.intermediates::get), Duration.ofDays(30));

	MtlsHealthIndicatorTests() {
		this.indicator.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void healthWhenEveryCertificateFarFromExpiryThenUp() {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("expiryWarning", "PT720H").doesNotContainKey("problems");
	}

	@Test
	void healthWhenServerCertificateExpiresInTenDaysThenWarningNamingIt() {
		X509Certificate soon = certificate("Expiring Server", NOW.plus(Duration.ofDays(10)));
		this.server.set(List.of(soon));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(MtlsHealthIndicator.WARNING);
		assertThat(health.getStatus().getCode()).isEqualTo("WARNING");
		assertThat(certificate(health, "server")).containsEntry("state", "expiring")
			.containsEntry("sha256", Sha256Fingerprint.of(soon).value())
			.containsEntry("notAfter", soon.getNotAfter().toInstant().toString())
			.containsEntry("subject", soon.getSubjectX500Principal().getName());
		assertThat(health.getDetails().toString()).doesNotContain("BEGIN CERTIFICATE").doesNotContain("MII");
	}

	@Test
	void healthWhenIntermediateExpiredThenDown() {
		this.intermediates.set(List.of(certificate("Old Intermediate", NOW.minus(Duration.ofDays(1)))));
		this.server.set(List.of(certificate("Expiring Server", NOW.plus(Duration.ofDays(10)))));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(certificate(health, "intermediate")).containsEntry("state", "expired");
	}

	@Test
	void healthWhenOrgListReadRecentlyThenUp() {
		OrgListOperatorRegistry orgList = orgList(NOW.minus(Duration.ofHours(2)));
		this.indicator.setOrgList(orgList, Duration.ofHours(3));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void healthWhenOrgListNotReadWithinStaleBoundThenDown() {
		OrgListOperatorRegistry orgList = orgList(NOW.minus(Duration.ofHours(4)));
		this.indicator.setOrgList(orgList, Duration.ofHours(3));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("orgList").toString()).contains("lastGoodRead");
	}

	@Test
	void healthWhenOrgListNeverLoadedThenDown() {
		OrgListOperatorRegistry orgList = new OrgListOperatorRegistry(source(null), new OrgListParser(), List.of("03"),
				List.of());
		orgList.refresh();
		this.indicator.setOrgList(orgList, Duration.ofHours(3));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	private static OrgListOperatorRegistry orgList(Instant readAt) {
		OrgListOperatorRegistry orgList = new OrgListOperatorRegistry(source(ORG_LIST), new OrgListParser(),
				List.of("03"), List.of());
		orgList.setClock(Clock.fixed(readAt, ZoneOffset.UTC));
		orgList.refresh();
		return orgList;
	}

	private static OrgListSource source(String document) {
		return new OrgListSource() {

			@Override
			public byte[] read() throws IOException {
				if (document == null) {
					throw new IOException("unreachable");
				}
				return document.getBytes(StandardCharsets.UTF_8);
			}

			@Override
			public String description() {
				return "test";
			}

		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> certificate(Health health, String kind) {
		List<Map<String, Object>> certificates = (List<Map<String, Object>>) health.getDetails().get("certificates");
		return certificates.stream().filter((detail) -> kind.equals(detail.get("kind"))).findFirst().orElseThrow();
	}

	private static X509Certificate certificate(String name, Instant notAfter) {
		return ca.leaf(name).validity(notAfter.minus(Duration.ofDays(400)), notAfter).issue().certificate();
	}

}
