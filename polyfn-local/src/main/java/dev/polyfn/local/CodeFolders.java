package dev.polyfn.local;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.CopyOption;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A code package unpacked as the clouds unpack an upload before they start it: into a fresh folder, unix modes
 * kept (FC's {@code bootstrap} and SCF's {@code scf_bootstrap} must stay executable), no entry outside it.
 */
public final class CodeFolders {

	private CodeFolders() {
	}

	public static void unzipKeepingModes(Path zip, Path into) throws IOException {
		Path target = into.toAbsolutePath().normalize();
		Files.createDirectories(target);
		try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
				Stream<Path> entries = Files.walk(fs.getPath("/"))) {
			for (Path entry : entries.toList()) {
				Path dest = target.resolve(fs.getPath("/").relativize(entry).toString()).normalize();
				if (!dest.startsWith(target)) {
					throw new IOException("zip entry outside the target folder: " + entry);
				}
				if (Files.isDirectory(entry)) {
					Files.createDirectories(dest);
				}
				else {
					Files.createDirectories(dest.getParent());
					Files.copy(entry, dest, StandardCopyOption.REPLACE_EXISTING);
					// as unzip does: a class-data archive is valid only for the jar time it was trained on
					Files.setLastModifiedTime(dest, Files.getLastModifiedTime(entry));
				}
				PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class);
				if (!attributes.permissions().isEmpty()) {
					Files.setPosixFilePermissions(dest, attributes.permissions());
				}
			}
		}
	}

	/** A fresh temporary folder holding the unpacked {@code zip}. */
	public static Path unpacked(Path zip, String prefix) throws IOException {
		Path dir = Files.createTempDirectory(prefix);
		unzipKeepingModes(zip, dir);
		return dir;
	}

	public static void copyTree(Path from, Path to) throws IOException {
		copyTree(from, to, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Copies the tree with these options, e.g. {@code COPY_ATTRIBUTES} to keep the files' times as a Dockerfile's COPY does. */
	public static void copyTree(Path from, Path to, CopyOption... options) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path out = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(out);
				}
				else {
					Files.copy(path, out, options);
				}
			}
		}
	}

	public static void deleteTree(Path dir) throws IOException {
		if (dir == null || !Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
