package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.local.LocalJvms;
import dev.polyfn.openwhisk.proxy.ActionLoopLauncher;
import dev.polyfn.local.openwhisk.ControllerResponse;

/**
 * The packaged jar on the ActionLoop Java 17 runtime (the default image of polyfn's OpenWhisk package), emulated by
 * {@link ActionLoopLauncher}: the class path is the launcher and the action jar alone, so the jar's own Gson is
 * the one both load; a jar without it cannot start there.
 */
class ActionLoopThroughLauncherTest {

	@Test
	void the_jar_runs_on_the_launcher_s_class_path_with_only_its_own_gson() throws Exception {
		Path results = Files.createDirectories(Path.of("target", "openwhisk")).resolve("actionloop-results.jsonl");
		Path log = results.resolveSibling("actionloop.log");
		Process launcher = new ProcessBuilder(LocalJvms.java(17).toString(), "-cp",
				ActionJars.launcher().toAbsolutePath() + File.pathSeparator + ActionJars.action().toAbsolutePath(),
				ActionLoopLauncher.class.getName(), OpenWhiskAction.MAIN + "#main", results.toString())
				.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try (OutputStream stdin = launcher.getOutputStream()) {
			for (String fixture : List.of("plain-reverse.json", "web-reverse-action-binary.json")) {
				stdin.write(oneLine(fixture));
			}
		}
		assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher ends with its input").isTrue();

		List<String> lines = Files.readAllLines(results);
		assertThat(lines).as(Files.readString(log)).hasSize(2);
		assertThat(JsonEvents.parse(lines.get(0).getBytes(StandardCharsets.UTF_8)).get("result").asString())
				.isEqualTo("}\"nfylop\":\"txet\"{");
		assertThat(new String(ControllerResponse.of(lines.get(1)).body(), StandardCharsets.UTF_8)).isEqualTo("nfylop");
	}

	@Test
	void without_gson_in_the_jar_the_launcher_cannot_start(@TempDir Path dir) throws Exception {
		Path withoutGson = dir.resolve("no-gson.jar");
		try (JarFile jar = new JarFile(ActionJars.action().toFile());
				JarOutputStream out = new JarOutputStream(Files.newOutputStream(withoutGson))) {
			for (JarEntry entry : jar.stream().filter(e -> !e.getName().startsWith("com/google/gson/")).toList()) {
				out.putNextEntry(new JarEntry(entry.getName()));
				try (InputStream in = jar.getInputStream(entry)) {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		Process launcher = new ProcessBuilder(LocalJvms.java(17).toString(), "-cp",
				ActionJars.launcher().toAbsolutePath() + File.pathSeparator + withoutGson, ActionLoopLauncher.class.getName(),
				OpenWhiskAction.MAIN, dir.resolve("results").toString()).redirectErrorStream(true).start();
		String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(launcher.exitValue()).isNotZero();
		assertThat(output).contains("com/google/gson/");
	}

	/** A /run fixture as the ActionLoop proxy hands it on: one line of JSON. */
	private static byte[] oneLine(String fixture) throws IOException {
		try (InputStream in = ActionLoopThroughLauncherTest.class.getResourceAsStream("/openwhisk/run/" + fixture)) {
			return (JsonEvents.parse(in.readAllBytes()).toString() + "\n").getBytes(StandardCharsets.UTF_8);
		}
	}
}
