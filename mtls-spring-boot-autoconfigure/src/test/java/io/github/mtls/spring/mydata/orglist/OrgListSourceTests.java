package io.github.mtls.spring.mydata.orglist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrgListSourceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ResourceLoader resourceLoader = new DefaultResourceLoader();

	private final AtomicInteger sslContexts = new AtomicInteger();

	@TempDir
	Path directory;

	@Test
	void forLocationOfAFilePathReadsTheFileWithoutAskingForATlsContext() throws Exception {
		Path file = Files.writeString(this.directory.resolve("orgs.json"), "{}");
		OrgListSource source = OrgListSource.forLocation("  file:" + file + " ", TIMEOUT, this::sslContext,
				this.resourceLoader);
		assertThat(source).isInstanceOf(FileOrgListSource.class);
		assertThat(new String(source.read(), StandardCharsets.UTF_8)).isEqualTo("{}");
		assertThat(this.sslContexts).hasValue(0);
	}

	@Test
	void forLocationOfAFileUrlReadsTheFile() throws Exception {
		Path file = Files.writeString(this.directory.resolve("orgs.json"), "{}");
		OrgListSource source = OrgListSource.forLocation(file.toUri().toString(), TIMEOUT, null, this.resourceLoader);
		assertThat(new String(source.read(), StandardCharsets.UTF_8)).isEqualTo("{}");
	}

	@Test
	void forLocationOfAnHttpsUrlAsksForTheTlsContextOnce() {
		OrgListSource source = OrgListSource.forLocation("HTTPS://portal.example/orgs?key=secret", TIMEOUT,
				this::sslContext, this.resourceLoader);
		assertThat(source).isInstanceOf(HttpsOrgListSource.class);
		assertThat(source.description()).doesNotContain("secret");
		assertThat(this.sslContexts).hasValue(1);
	}

	@Test
	void forLocationRefusesWhatIsNotAFileOrHttpsLocationSayingWhy() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> OrgListSource.forLocation("http://portal.example/orgs", TIMEOUT, null, this.resourceLoader))
			.withMessage("Expected a file: path or an https: URL (plain http: is refused).");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OrgListSource.forLocation("classpath:orgs.json", TIMEOUT, null, this.resourceLoader))
			.withMessage("Expected a file: path or an https: URL (plain http: is refused).");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OrgListSource.forLocation(" ", TIMEOUT, null, this.resourceLoader))
			.withMessage("Expected a file: path or an https: URL.");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OrgListSource.forLocation("https:///orgs", TIMEOUT, null, this.resourceLoader))
			.withMessage("The URL names no host.");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> OrgListSource.forLocation("https://portal example/orgs", TIMEOUT, null, this.resourceLoader))
			.withMessage("Not a valid URL.");
		assertThat(this.sslContexts).hasValue(0);
	}

	private SSLContext sslContext() {
		this.sslContexts.incrementAndGet();
		try {
			return SSLContext.getDefault();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
