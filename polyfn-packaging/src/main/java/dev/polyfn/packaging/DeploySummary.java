package dev.polyfn.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code -P<cloud>} build tells its user: the artifact and its size, what to type into the console
 * (handler or entry point, runtime, settings), the console steps and the CLI commands. The same text is
 * printed at the end of the build and written to {@code target/polyfn/<cloud>/DEPLOY.md}.
 */
public final class DeploySummary {

	private final String title;
	private final Map<String, String> facts = new LinkedHashMap<>();
	private final List<Section> sections = new ArrayList<>();

	private record Section(String heading, List<String> lines, boolean numbered, boolean code) {
	}

	private DeploySummary(String title) {
		this.title = title;
	}

	public static DeploySummary titled(String title) {
		return new DeploySummary(title);
	}

	/** Records the artifact's path (relative to {@code base} when given) and its size. */
	public DeploySummary artifact(String label, Path file, Path base) {
		try {
			long size = Files.size(file);
			String shown = base == null ? file.toString() : base.relativize(file.toAbsolutePath()).toString();
			facts.put(label, shown + " (" + humanSize(size) + ")");
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException("The artifact " + file + " is missing", e);
		}
	}

	public DeploySummary fact(String name, String value) {
		facts.put(name, value);
		return this;
	}

	public DeploySummary steps(String heading, List<String> steps) {
		sections.add(new Section(heading, List.copyOf(steps), true, false));
		return this;
	}

	/** A steps section only when there are steps (e.g. storage steps of a plan that uses no bucket: none). */
	public DeploySummary stepsIfAny(String heading, List<String> steps) {
		return steps.isEmpty() ? this : steps(heading, steps);
	}

	public DeploySummary notes(String heading, List<String> lines) {
		sections.add(new Section(heading, List.copyOf(lines), false, false));
		return this;
	}

	public DeploySummary commands(String heading, List<String> commands) {
		sections.add(new Section(heading, List.copyOf(commands), false, true));
		return this;
	}

	public String render() {
		StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
		facts.forEach((name, value) -> out.append("- **").append(name).append("**: ").append(value).append('\n'));
		for (Section section : sections) {
			out.append("\n## ").append(section.heading()).append("\n\n");
			if (section.code()) {
				out.append("```\n");
				section.lines().forEach(line -> out.append(line).append('\n'));
				out.append("```\n");
			}
			else {
				int n = 1;
				for (String line : section.lines()) {
					out.append(section.numbered() ? (n++) + ". " : "- ").append(line).append('\n');
				}
			}
		}
		return out.toString();
	}

	/** Writes DEPLOY.md into {@code dir} and prints the same text. */
	public Path writeAndPrint(Path dir) {
		String text = render();
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve("DEPLOY.md");
			Files.writeString(file, text, StandardCharsets.UTF_8);
			System.out.println();
			System.out.println(text);
			System.out.println("(written to " + file + ")");
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String humanSize(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}
}
