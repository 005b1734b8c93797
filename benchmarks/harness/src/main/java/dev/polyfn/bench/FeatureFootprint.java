package dev.polyfn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What polyfn's storage and messaging features add to a package that does not use them: the bytes of their
 * classes in the upload artifact (nested jars included, as stored: compressed) and, from the class-load profile,
 * how many of their classes a cold start loads.
 */
final class FeatureFootprint {

	/** The class-load profile's group for these features. */
	static final String GROUP = "polyfn storage & messaging";

	/** Their packages: the portable API in function-core and the provider modules. */
	static final List<String> PACKAGES = List.of("dev.polyfn.core.storage.", "dev.polyfn.storage.",
			"dev.polyfn.core.messaging.", "dev.polyfn.messaging.");

	private FeatureFootprint() {
	}

	/** Compressed bytes of the features' classes and jars in the artifact (a zip of jars, or a jar). */
	static long bytesIn(Path artifact) throws IOException {
		if (Files.isDirectory(artifact)) {
			long bytes = 0;
			for (Path jar : jarsIn(artifact)) {
				bytes += bytesIn(jar);
			}
			return bytes;
		}
		try (InputStream in = Files.newInputStream(artifact)) {
			return bytesIn(new ZipInputStream(in));
		}
	}

	/** The size of an artifact: the file, or a folder's jars (the web app's jar and {@code lib/}; not its archive). */
	static long artifactSize(Path artifact) throws IOException {
		if (!Files.isDirectory(artifact)) {
			return Files.size(artifact);
		}
		long bytes = 0;
		for (Path jar : jarsIn(artifact)) {
			bytes += Files.size(jar);
		}
		return bytes;
	}

	private static java.util.List<Path> jarsIn(Path folder) throws IOException {
		try (var files = Files.walk(folder)) {
			return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".jar")).sorted().toList();
		}
	}

	private static long bytesIn(ZipInputStream zip) throws IOException {
		long bytes = 0;
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			String name = entry.getName();
			String file = name.substring(name.lastIndexOf('/') + 1);
			if (file.startsWith("polyfn-storage-") || file.startsWith("polyfn-messaging-")) {
				bytes += zip.transferTo(java.io.OutputStream.nullOutputStream()); // a whole provider module
			}
			else if (name.endsWith(".jar")) {
				bytes += bytesIn(new ZipInputStream(zip)); // not closed: that would close the outer stream
			}
			else if (name.endsWith(".class") && featureClass(name)) {
				long read = zip.transferTo(java.io.OutputStream.nullOutputStream());
				long compressed = entry.getCompressedSize(); // known once the entry is read
				bytes += compressed >= 0 ? compressed : read;
			}
		}
		return bytes;
	}

	private static boolean featureClass(String entryName) {
		String className = entryName.replace('/', '.');
		int boot = className.indexOf("classes.");
		String plain = boot >= 0 && className.startsWith("BOOT-INF.") ? className.substring(boot + 8) : className;
		return PACKAGES.stream().anyMatch(plain::startsWith);
	}
}
