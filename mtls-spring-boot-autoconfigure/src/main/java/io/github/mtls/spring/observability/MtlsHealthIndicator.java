package io.github.mtls.spring.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

import io.github.mtls.spring.mydata.orglist.OrgListOperatorRegistry;
import io.github.mtls.spring.mydata.orglist.OrgListStatus;

/**
 * Health of what the starter depends on ({@code mtls}): {@code DOWN} when no trust anchor
 * is loaded, when a watched certificate (server, trust anchor, intermediate) has expired,
 * or when the org list has not been read successfully for longer than its stale bound;
 * {@value #WARNING_CODE} when a certificate expires within the warning period; {@code UP}
 * otherwise. Details name each certificate's kind, subject, SHA-256 fingerprint and
 * not-after, and the org list's times, never a certificate's encoding.
 *
 * @author mtls-spring-boot
 */
public final class MtlsHealthIndicator implements HealthIndicator {

	/**
	 * The code of the warning status.
	 */
	public static final String WARNING_CODE = "WARNING";

	/**
	 * A certificate expires soon: the service still works.
	 */
	public static final Status WARNING = new Status(WARNING_CODE, "A certificate expires soon");

	private final CertificateInventory inventory;

	private final Duration expiryWarning;

	private @Nullable OrgListOperatorRegistry orgList;

	private Duration orgListStaleAfter = Duration.ofHours(3);

	private Clock clock = Clock.systemUTC();

	/**
	 * Create an indicator.
	 * @param inventory the certificates watched
	 * @param expiryWarning how long before a certificate's expiry the status turns to a
	 * warning
	 */
	public MtlsHealthIndicator(CertificateInventory inventory, Duration expiryWarning) {
		Assert.notNull(inventory, "inventory cannot be null");
		Assert.notNull(expiryWarning, "expiryWarning cannot be null");
		Assert.isTrue(!expiryWarning.isNegative(), "expiryWarning cannot be negative");
		this.inventory = inventory;
		this.expiryWarning = expiryWarning;
	}

	/**
	 * Set the clock that tells the time.
	 * @param clock the clock
	 */
	public void setClock(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	/**
	 * Watch the org list too.
	 * @param orgList the org-list registry
	 * @param staleAfter how long the org list may go without a good read before it is
	 * {@code DOWN}
	 */
	public void setOrgList(OrgListOperatorRegistry orgList, Duration staleAfter) {
		Assert.notNull(orgList, "orgList cannot be null");
		Assert.isTrue(!staleAfter.isNegative() && !staleAfter.isZero(), "staleAfter must be positive");
		this.orgList = orgList;
		this.orgListStaleAfter = staleAfter;
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Instant warnAfter = now.plus(this.expiryWarning);
		List<String> problems = new ArrayList<>();
		Status status = Status.UP;
		List<Map<String, Object>> certificates = new ArrayList<>();
		int anchors = 0;
		for (CertificateInventory.Entry entry : this.inventory.certificates()) {
			anchors += (entry.kind() == CertificateInventory.Kind.TRUST_ANCHOR) ? 1 : 0;
			String state;
			if (!entry.notAfter().isAfter(now)) {
				state = "expired";
				status = Status.DOWN;
				problems.add(entry.kind().tag() + " " + entry.subject() + " expired");
			}
			else if (!entry.notAfter().isAfter(warnAfter)) {
				state = "expiring";
				status = (status == Status.DOWN) ? status : WARNING;
				problems.add(entry.kind().tag() + " " + entry.subject() + " expires " + entry.notAfter());
			}
			else {
				state = "valid";
			}
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("kind", entry.kind().tag());
			detail.put("subject", entry.subject());
			detail.put("sha256", entry.sha256());
			detail.put("notAfter", entry.notAfter().toString());
			detail.put("state", state);
			certificates.add(detail);
		}
		if (anchors == 0) {
			status = Status.DOWN;
			problems.add("no trust anchor loaded");
		}
		Health.Builder builder = Health.status(status);
		if (this.orgList != null && orgListStale(this.orgList.status(), now, builder)) {
			builder.status(Status.DOWN);
			problems.add("org list not read successfully within " + this.orgListStaleAfter);
		}
		if (!problems.isEmpty()) {
			builder.withDetail("problems", problems);
		}
		return builder.withDetail("expiryWarning", this.expiryWarning.toString())
			.withDetail("certificates", certificates)
			.build();
	}

	private boolean orgListStale(OrgListStatus status, Instant now, Health.Builder builder) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("location", status.location());
		detail.put("loaded", status.loaded());
		Instant lastGoodRead = status.lastGoodRead();
		if (lastGoodRead != null) {
			detail.put("lastGoodRead", lastGoodRead.toString());
		}
		detail.put("staleAfter", this.orgListStaleAfter.toString());
		builder.withDetail("orgList", detail);
		return !status.loaded() || lastGoodRead == null || lastGoodRead.plus(this.orgListStaleAfter).isBefore(now);
	}

}
