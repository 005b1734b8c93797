package dev.polyfn.packaging.tencent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import dev.polyfn.packaging.ToolRun;

/**
 * Drops the static symbol table from the JVM library when the build machine has binutils' {@code strip}: 5 MB of
 * the JRE (1.5 MB in the ZIP) that only names native frames in a JVM crash report; the dynamic symbols the JVM
 * links by stay. Without {@code strip} the library ships as the JDK has it.
 */
final class NativeSymbols {

	private NativeSymbols() {
	}

	static boolean strip(Path library) {
		Path strip = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
				.filter(dir -> !dir.isBlank()).map(dir -> Paths.get(dir, "strip")).filter(Files::isExecutable).findFirst()
				.orElse(null);
		if (strip == null || !Files.isRegularFile(library)) {
			return false;
		}
		return ToolRun.of(List.of(strip.toString(), "--strip-unneeded", library.toString())).exitCode() == 0;
	}
}
