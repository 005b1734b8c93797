package dev.polyfn.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Dockerfile read as the image builder reads it, for what a local run needs: its stages ({@code FROM ... [AS
 * name]}), each with its {@code WORKDIR}, {@code ENV}, exec-form {@code RUN} and {@code ENTRYPOINT} lines
 * (Dockerfile reference, docs.docker.com/reference/dockerfile: "Parser directives", "ENV", "RUN", "ENTRYPOINT";
 * the exec form is a JSON array). Shell-form lines are kept as one {@code /bin/sh -c} command, as the builder runs
 * them. A {@code \} at a line's end continues it; {@code #} lines are comments.
 */
public record Dockerfile(List<Stage> stages) {

	/** One build stage: its base image, its name ({@code AS}), and what its lines say. */
	public record Stage(String from, String name, String workdir, Map<String, String> env, List<List<String>> runs,
			List<String> entrypoint) {

		/** The Java feature version of an official JDK/JRE base image ({@code eclipse-temurin:25-jre-noble} → 25), else -1. */
		public int javaVersion() {
			String tag = from.contains(":") ? from.substring(from.lastIndexOf(':') + 1) : "";
			String digits = tag.replaceAll("^(\\d+).*$", "$1");
			return digits.matches("\\d+") ? Integer.parseInt(digits) : -1;
		}
	}

	public static Dockerfile parse(String text) {
		List<Stage> stages = new ArrayList<>();
		StageBuilder current = null;
		for (String line : logicalLines(text)) {
			String[] split = line.split("\\s+", 2);
			String instruction = split[0].toUpperCase(java.util.Locale.ROOT);
			String rest = split.length > 1 ? split[1].trim() : "";
			if (instruction.equals("FROM")) {
				if (current != null) {
					stages.add(current.build());
				}
				String[] words = rest.split("\\s+");
				current = new StageBuilder(words[0], words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null);
				continue;
			}
			if (current == null) {
				continue; // ARG before FROM, parser directives
			}
			switch (instruction) {
				case "WORKDIR" -> current.workdir = rest;
				case "ENV" -> {
					int eq = rest.indexOf('=');
					String value = rest.substring(eq + 1);
					current.env.put(rest.substring(0, eq), value.startsWith("\"") ? (String) MiniJson.parse(value) : value);
				}
				case "RUN" -> current.runs.add(command(rest));
				case "ENTRYPOINT" -> current.entrypoint = command(rest);
				default -> {
					// COPY, USER, EXPOSE: the image's contents and metadata, not what a local run executes
				}
			}
		}
		if (current != null) {
			stages.add(current.build());
		}
		return new Dockerfile(List.copyOf(stages));
	}

	/** The stage the image is: the last. */
	public Stage image() {
		return stages.get(stages.size() - 1);
	}

	public Stage stage(String name) {
		return stages.stream().filter(s -> name.equals(s.name())).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No stage " + name + " in the Dockerfile"));
	}

	/**
	 * A command of the image run on this machine: each word that is an image path under {@code imageFolder}
	 * ({@code /app}, {@code -XX:AOTCache=/app/app.aot}) names the same file under {@code localFolder}, and
	 * {@code java} is {@code java}.
	 */
	public static List<String> onThisMachine(List<String> command, String imageFolder, Path localFolder, Path java) {
		String local = localFolder.toAbsolutePath().toString();
		List<String> mapped = new ArrayList<>();
		for (String word : command) {
			mapped.add(word.equals("java") ? java.toString() : word.replace(imageFolder + "/", local + "/"));
		}
		return mapped;
	}

	private static List<String> command(String rest) {
		if (rest.startsWith("[")) {
			List<String> words = new ArrayList<>();
			for (Object word : (List<?>) MiniJson.parse(rest)) {
				words.add((String) word);
			}
			return List.copyOf(words);
		}
		return List.of("/bin/sh", "-c", rest);
	}

	private static List<String> logicalLines(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String raw : text.split("\\R")) {
			String line = raw.strip();
			if (pending.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
				continue;
			}
			if (line.endsWith("\\")) {
				pending.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			pending.append(line);
			lines.add(pending.toString().strip());
			pending.setLength(0);
		}
		return lines;
	}

	private static final class StageBuilder {

		private final String from;
		private final String name;
		private String workdir = "/";
		private final Map<String, String> env = new LinkedHashMap<>();
		private final List<List<String>> runs = new ArrayList<>();
		private List<String> entrypoint = List.of();

		private StageBuilder(String from, String name) {
			this.from = from;
			this.name = name;
		}

		private Stage build() {
			return new Stage(from, name, workdir, Map.copyOf(env), List.copyOf(runs), entrypoint);
		}
	}
}
