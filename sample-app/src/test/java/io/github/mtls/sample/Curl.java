package io.github.mtls.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code curl}, as a reader of the sample's walkthrough would.
 */
final class Curl {

	private Curl() {
	}

	static boolean isOnPath() {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "curl"))) {
				return true;
			}
		}
		return false;
	}

	static Result run(List<String> arguments) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("curl did not finish within 30 seconds: " + arguments);
		}
		return new Result(process.exitValue(), output);
	}

	record Result(int exitCode, String output) {

	}

}
