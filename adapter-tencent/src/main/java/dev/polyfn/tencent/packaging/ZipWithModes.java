package dev.polyfn.tencent.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Zips a folder keeping unix modes. {@code java.util.zip} writes no unix mode, so an unpacked {@code scf_bootstrap}
 * would not be executable; the JDK's zip file system stores them (external attributes, "made by" unix) when
 * {@code enablePosixFileAttributes} is on.
 */
final class ZipWithModes {

	private ZipWithModes() {
	}

	/** Zips every file under {@code folder} (paths relative to it); executables get 755, others 644. */
	static void zip(Path folder, Path zip, java.util.Set<String> executables) {
		try {
			Files.deleteIfExists(zip);
			URI uri = URI.create("jar:" + zip.toAbsolutePath().toUri());
			try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"));
					Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
					String name = folder.relativize(file).toString().replace('\\', '/');
					Path entry = fs.getPath(name);
					Path parent = entry.getParent();
					for (int i = 1; parent != null && i <= parent.getNameCount(); i++) {
						// folders need x to be entered after unpacking; zipfs would store them without any mode
						Path dir = fs.getPath("/").resolve(parent.subpath(0, i));
						if (Files.notExists(dir)) {
							Files.createDirectory(dir);
							Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
						}
					}
					Files.copy(file, entry, StandardCopyOption.REPLACE_EXISTING);
					Files.setPosixFilePermissions(entry,
							PosixFilePermissions.fromString(executables.contains(name) ? "rwxr-xr-x" : "rw-r--r--"));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write " + zip, e);
		}
	}
}
