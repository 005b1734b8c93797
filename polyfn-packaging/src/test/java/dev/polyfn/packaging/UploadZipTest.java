package dev.polyfn.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cloud finds after unpacking an {@link UploadZip}: modes and times, read back as unzip reads them. */
class UploadZipTest {

	@TempDir
	Path dir;

	@Test
	void a_folder_keeps_its_executables_755_and_everything_else_644() throws IOException {
		Path jre = Files.createDirectories(dir.resolve("jre/bin"));
		Files.writeString(jre.resolve("java"), "ELF");
		Files.setPosixFilePermissions(jre.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createDirectories(dir.resolve("jre/lib"));
		Files.writeString(dir.resolve("jre/lib/modules"), "classes");
		Path zip = UploadZip.create().folder("jre", dir.resolve("jre")).writeTo(dir.resolve("out.zip"));
		assertThat(List.of(mode(zip, "jre/bin/java"), mode(zip, "jre/lib/modules"))).containsExactly("rwxr-xr-x", "rw-r--r--");
	}

	@Test
	void a_copied_file_keeps_its_modification_time() throws IOException {
		Path jar = Files.writeString(dir.resolve("app.jar"), "jar");
		FileTime time = FileTime.from(Instant.parse("2026-12-01T10:00:00Z"));
		Files.setLastModifiedTime(jar, time);
		Path zip = UploadZip.create().file("lib/app.jar", jar).writeTo(dir.resolve("out.zip"));
		try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
			assertThat(Files.getLastModifiedTime(fs.getPath("/lib/app.jar"))).isEqualTo(time);
		}
	}

	private static String mode(Path zip, String entry) throws IOException {
		try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
				Map.of("enablePosixFileAttributes", "true"))) {
			return PosixFilePermissions.toString(
					Files.readAttributes(fs.getPath("/" + entry), PosixFileAttributes.class).permissions());
		}
	}
}
