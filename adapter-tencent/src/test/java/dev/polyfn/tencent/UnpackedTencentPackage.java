package dev.polyfn.tencent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.polyfn.core.testing.PackagedBuild;

/**
 * The real {@code mvn -Ptencent package} output ({@link PackagedBuild}), with its ZIP unpacked the way SCF does:
 * into a fresh folder, unix modes and modification times kept (as unzip does; the class-data archive depends on
 * the jar's time). Built and unpacked once per test JVM.
 */
final class UnpackedTencentPackage {

	private static UnpackedTencentPackage instance;

	final Path out;
	final Path zip;
	final Path code;

	private UnpackedTencentPackage(Path out) throws IOException {
		this.out = out;
		try (Stream<Path> files = Files.list(out)) {
			this.zip = files.filter(p -> p.toString().endsWith("-tencent.zip")).findFirst()
					.orElseThrow(() -> new IllegalStateException("No *-tencent.zip in " + out));
		}
		this.code = Files.createTempDirectory("scf-user-");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(code)));
		unzipKeepingModes(zip, code);
	}

	static synchronized UnpackedTencentPackage get() {
		if (instance == null) {
			try {
				instance = new UnpackedTencentPackage(PackagedBuild.of("tencent"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return instance;
	}

	static String yamlValue(Path yml, String key) {
		try {
			List<String> lines = Files.readAllLines(yml);
			return lines.stream().map(String::strip).filter(l -> l.startsWith(key + ":"))
					.map(l -> l.substring(key.length() + 1).strip()).findFirst()
					.orElseThrow(() -> new IllegalStateException("No '" + key + ":' in " + yml));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void deleteTree(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException | UncheckedIOException ignored) {
			// best effort: a temp folder left behind is harmless
		}
	}

	private static void unzipKeepingModes(Path zip, Path target) throws IOException {
		URI uri = URI.create("jar:" + zip.toUri());
		try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("enablePosixFileAttributes", "true"));
				Stream<Path> entries = Files.walk(fs.getPath("/"))) {
			for (Path entry : entries.toList()) {
				Path dest = target.resolve(fs.getPath("/").relativize(entry).toString());
				if (Files.isDirectory(entry)) {
					Files.createDirectories(dest);
				}
				else {
					Files.createDirectories(dest.getParent());
					Files.copy(entry, dest);
					Files.setLastModifiedTime(dest, Files.getLastModifiedTime(entry));
				}
				Files.setPosixFilePermissions(dest, Files.readAttributes(entry, PosixFileAttributes.class).permissions());
			}
		}
	}
}
