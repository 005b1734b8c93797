package dev.polyfn.maven;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.polyfn.local.LocalProcess;

/**
 * One handler call in a JVM of its own (SCF's event functions, Azure's Java worker): polyfn-local's caller class on
 * a class path with the function's code, an event file in, a result file and its {@code .millis} out.
 */
final class ChildJvmCall {

	record Result(String answer, boolean threw, String log, double coldStartMillis, double invocationMillis) {
	}

	private ChildJvmCall() {
	}

	static Result run(List<Path> classPath, String mainClass, List<String> leadingArguments, byte[] event, Path workDir,
			Map<String, String> env) throws Exception {
		Files.createDirectories(workDir);
		Path eventFile = workDir.resolve("event.json");
		Path resultFile = workDir.resolve("result.json");
		Path millisFile = workDir.resolve("result.json.millis");
		Files.write(eventFile, event);
		Files.deleteIfExists(resultFile);
		Files.deleteIfExists(millisFile);
		List<String> command = new ArrayList<>(List.of(LocalProcess.java(), "-cp",
				String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()), mainClass));
		command.addAll(leadingArguments);
		command.add(eventFile.toString());
		command.add(resultFile.toString());
		try (LocalProcess process = LocalProcess.start(command, workDir, env, workDir.resolve("function.log"))) {
			Integer exit = process.awaitExit(Duration.ofMinutes(5));
			double total = (System.nanoTime() - process.startedAtNanos()) / 1e6;
			String answer = Files.exists(resultFile) ? Files.readString(resultFile, StandardCharsets.UTF_8) : null;
			double invocation = Files.exists(millisFile) ? Double.parseDouble(Files.readString(millisFile).trim()) : 0;
			return new Result(answer, exit == null || exit != 0 || answer == null, process.log(), total, invocation);
		}
	}

	/** Where a class of polyfn-local was loaded from: its jar (or classes folder) goes on the child's class path. */
	static Path codeOf(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}
}
