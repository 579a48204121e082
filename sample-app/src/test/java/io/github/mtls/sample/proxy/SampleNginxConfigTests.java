package io.github.mtls.sample.proxy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.mtls.sample.devpki.DevPki;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nginx configuration the sample ships ({@code sample-app/proxy/nginx.conf}) is
 * accepted by a real nginx ({@code nginx -t}) with a freshly minted development PKI laid
 * out as in the repository: the files it names exist and the certificates and keys load.
 */
class SampleNginxConfigTests {

	@TempDir
	Path root;

	@Test
	void nginxConfWhenCheckedByNginxThenAccepted() throws IOException, InterruptedException {
		Path nginx = nginx();
		new DevPki(this.root.resolve("dev-pki")).createIfAbsent();
		Path conf = this.root.resolve("sample-app/proxy/nginx.conf");
		Files.createDirectories(conf.getParent());
		Files.copy(Path.of("proxy/nginx.conf"), conf);
		Process process = new ProcessBuilder(nginx.toString(), "-t", "-p", this.root.toString(), "-c", conf.toString(),
				"-e", this.root.resolve("dev-pki/nginx-error.log").toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("test is successful");
	}

	private static Path nginx() {
		String path = System.getenv("PATH");
		for (String folder : (((path != null) ? path : "") + File.pathSeparator + "/usr/sbin")
			.split(File.pathSeparator)) {
			if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "nginx"))) {
				return Path.of(folder, "nginx");
			}
		}
		String message = "nginx is not installed (bin/test installs it)";
		if ("true".equals(System.getenv("CI"))) {
			throw new AssertionError(message);
		}
		Assumptions.abort(message);
		throw new AssertionError(message);
	}

}
