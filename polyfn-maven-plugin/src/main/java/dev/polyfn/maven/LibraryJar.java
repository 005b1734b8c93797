package dev.polyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/** A copy of one of polyfn's jars for Azure's {@code lib/}, without its build-time classes. */
final class LibraryJar {

	private LibraryJar() {
	}

	static void copyWithoutBuildTimeClasses(Path jar, Path copy) throws IOException {
		Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
		try (JarFile in = new JarFile(jar.toFile());
				JarOutputStream out = in.getManifest() == null ? new JarOutputStream(Files.newOutputStream(partial))
						: new JarOutputStream(Files.newOutputStream(partial), in.getManifest())) {
			for (JarEntry entry : in.stream().toList()) {
				if (entry.getName().equals("META-INF/MANIFEST.MF") || BuildTimeClasses.isBuildTime(entry.getName())) {
					continue;
				}
				out.putNextEntry(new JarEntry(entry.getName()));
				in.getInputStream(entry).transferTo(out);
				out.closeEntry();
			}
		}
		Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
	}
}
