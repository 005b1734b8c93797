package dev.polyfn.tencent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.local.CodeFolders;

/**
 * The real {@code mvn -Ptencent package} output ({@link PackagedBuild}), with its ZIP unpacked the way SCF does:
 * into a fresh folder, unix modes and modification times kept (as unzip does; the class-data archive depends on
 * the jar's time). Built and unpacked once per test JVM.
 */
public final class UnpackedTencentPackage {

	private static UnpackedTencentPackage instance;

	public final Path out;
	public final Path zip;
	public final Path code;

	private UnpackedTencentPackage(Path out) throws IOException {
		this.out = out;
		try (Stream<Path> files = Files.list(out)) {
			this.zip = files.filter(p -> p.toString().endsWith("-tencent.zip")).findFirst()
					.orElseThrow(() -> new IllegalStateException("No *-tencent.zip in " + out));
		}
		this.code = CodeFolders.unpacked(zip, "scf-user-");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(code)));
	}

	public static synchronized UnpackedTencentPackage get() {
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

	public static String yamlValue(Path yml, String key) {
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

	private static void deleteQuietly(Path dir) {
		try {
			CodeFolders.deleteTree(dir);
		}
		catch (IOException ignored) {
			// best effort: a temp folder left behind is harmless
		}
	}
}
