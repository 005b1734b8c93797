package dev.polyfn.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A console-upload ZIP whose start script stays executable once the cloud unpacks it (FC's {@code bootstrap},
 * SCF's {@code scf_bootstrap}). {@code java.util.zip} stores no unix modes; the JDK's zip file system does, when
 * {@code enablePosixFileAttributes} is on. Scripts are written with LF line endings whatever the build machine.
 * Copied files keep their last-modified time: a class-data-sharing archive only accepts the jar it was made from,
 * and the JVM recognises that jar by its size and modification time after the cloud unpacks it.
 */
public final class UploadZip {

	private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
	private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

	private record Entry(Path source, String text, boolean executable) {
	}

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	public static UploadZip create() {
		return new UploadZip();
	}

	/** A start script: LF endings, mode 755. */
	public UploadZip script(String name, String content) {
		entries.put(name, new Entry(null, content.replace("\r\n", "\n"), true));
		return this;
	}

	/** A file copied as it is, mode 644. */
	public UploadZip file(String name, Path source) {
		entries.put(name, new Entry(source, null, false));
		return this;
	}

	/** A binary copied as it is, mode 755: a program the cloud runs, such as a bundled JRE's {@code bin/java}. */
	public UploadZip executable(String name, Path source) {
		entries.put(name, new Entry(source, null, true));
		return this;
	}

	/**
	 * Every file under {@code folder}, at {@code prefix/<relative path>}: files executable on disk (a JRE's
	 * {@code bin/*}, {@code lib/jspawnhelper}) are stored 755, the others 644.
	 */
	public UploadZip folder(String prefix, Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				String relative = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
				entries.put(prefix + "/" + relative, new Entry(file, null, Files.isExecutable(file)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not list " + folder, e);
		}
		return this;
	}

	public Path writeTo(Path zip) {
		try {
			Files.createDirectories(zip.toAbsolutePath().getParent());
			Files.deleteIfExists(zip);
			URI uri = URI.create("jar:" + zip.toAbsolutePath().toUri());
			try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
				for (Map.Entry<String, Entry> named : entries.entrySet()) {
					Path target = fs.getPath("/").resolve(named.getKey());
					createFolders(target.getParent());
					Entry entry = named.getValue();
					if (entry.source() != null) {
						Files.copy(entry.source(), target, StandardCopyOption.REPLACE_EXISTING);
						Files.setLastModifiedTime(target, Files.getLastModifiedTime(entry.source()));
					}
					else {
						Files.writeString(target, entry.text(), StandardCharsets.UTF_8);
					}
					Files.setPosixFilePermissions(target, entry.executable() ? EXECUTABLE : READABLE);
				}
			}
			return zip;
		}
		catch (UnsupportedOperationException noPosix) {
			throw new UncheckedIOException(new IOException("This JDK's zip file system cannot store file modes", noPosix));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write " + zip, e);
		}
	}

	/** Folders need their x bit to be entered after unpacking; zipfs would store them without any mode. */
	private static void createFolders(Path folder) throws IOException {
		if (folder == null || folder.getNameCount() == 0 || Files.exists(folder)) {
			return;
		}
		createFolders(folder.getParent());
		Files.createDirectory(folder);
		Files.setPosixFilePermissions(folder, EXECUTABLE);
	}
}
