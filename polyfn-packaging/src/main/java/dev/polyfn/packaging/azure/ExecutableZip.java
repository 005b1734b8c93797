package dev.polyfn.packaging.azure;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder as a deployment ZIP whose programs stay executable once Azure unpacks or mounts it (the custom
 * handler's start script, a bundled JRE's {@code bin/java}): {@code java.util.zip} stores no unix modes, the JDK's
 * zip file system does with {@code enablePosixFileAttributes}. Files executable on disk are stored 755, the rest
 * 644; modification times are kept.
 */
final class ExecutableZip {

	private ExecutableZip() {
	}

	static Path of(Path folder, Path zip) throws IOException {
		Files.createDirectories(zip.toAbsolutePath().getParent());
		Files.deleteIfExists(zip);
		List<Path> files;
		try (Stream<Path> tree = Files.walk(folder)) {
			files = tree.filter(Files::isRegularFile).sorted().toList();
		}
		URI uri = URI.create("jar:" + zip.toAbsolutePath().toUri());
		try (FileSystem archive = FileSystems.newFileSystem(uri,
				Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
			for (Path file : files) {
				Path target = archive.getPath("/").resolve(folder.relativize(file).toString().replace('\\', '/'));
				if (target.getParent() != null) {
					Files.createDirectories(target.getParent());
				}
				Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				Files.setPosixFilePermissions(target,
						PosixFilePermissions.fromString(Files.isExecutable(file) ? "rwxr-xr-x" : "rw-r--r--"));
				Files.setLastModifiedTime(target, Files.getLastModifiedTime(file));
			}
		}
		return zip;
	}
}
