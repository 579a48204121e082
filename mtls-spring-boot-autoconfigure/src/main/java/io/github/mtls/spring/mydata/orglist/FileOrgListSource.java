package io.github.mtls.spring.mydata.orglist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.util.Assert;

/**
 * Reads the org list from a file, typically written by the institution's portal-sync job.
 * Write the file atomically (write a temporary file, then rename it) so that a refresh
 * never reads half a document; a half-written one is refused as corrupt anyway.
 *
 * @author mtls-spring-boot
 */
public final class FileOrgListSource implements OrgListSource {

	private final Path file;

	/**
	 * Create a source.
	 * @param file the file
	 */
	public FileOrgListSource(Path file) {
		Assert.notNull(file, "file cannot be null");
		this.file = file;
	}

	@Override
	public byte[] read() throws IOException {
		try (InputStream in = Files.newInputStream(this.file)) {
			byte[] content = in.readNBytes(MAX_BYTES + 1);
			if (content.length > MAX_BYTES) {
				throw new IOException("Org list is larger than " + MAX_BYTES + " bytes");
			}
			return content;
		}
	}

	@Override
	public String description() {
		return "file:" + this.file;
	}

}
