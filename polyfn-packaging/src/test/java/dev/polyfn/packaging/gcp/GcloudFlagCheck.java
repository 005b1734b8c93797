package dev.polyfn.packaging.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.polyfn.core.testing.ShellWords;

/**
 * Checks a printed {@code gcloud} command line against the installed Google Cloud CLI: the command exists and
 * every flag it passes is one that command documents in {@code gcloud <command> --help} (which works offline).
 */
public final class GcloudFlagCheck {

	private static final Pattern NAME = Pattern.compile("(?m)^NAME\\s*\\n\\s*(gcloud[a-z0-9 -]*?)\\s+-\\s");
	private static final Map<String, String> HELP = new ConcurrentHashMap<>();

	private GcloudFlagCheck() {
	}

	/** The problems found in one shell line (several gcloud calls joined by || or && are checked each). */
	public static List<String> problems(String shellLine) {
		List<String> problems = new ArrayList<>();
		for (String call : shellLine.split("\\s(?:\\|\\||&&)\\s")) {
			List<String> words = ShellWords.split(call.trim());
			if (words.isEmpty() || !words.get(0).equals("gcloud")) {
				continue;
			}
			List<String> path = new ArrayList<>();
			List<String> flags = new ArrayList<>();
			for (String word : words.subList(1, words.size())) {
				if (word.startsWith("--")) {
					flags.add(word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
				}
				else if (flags.isEmpty() && !word.contains(">")) {
					path.add(word);
				}
			}
			String command = command(path);
			if (command == null) {
				problems.add("no gcloud command in: " + call);
				continue;
			}
			String help = HELP.get(command);
			for (String flag : flags) {
				if (!Pattern.compile(Pattern.quote(flag) + "(?![a-z0-9-])").matcher(help).find()) {
					problems.add(command + " has no flag " + flag + " (in: " + call + ")");
				}
			}
		}
		return problems;
	}

	/** The longest prefix of the words that gcloud names as a command of its own. */
	private static String command(List<String> path) {
		for (int n = path.size(); n > 0; n--) {
			String candidate = "gcloud " + String.join(" ", path.subList(0, n));
			String help = HELP.computeIfAbsent(candidate, GcloudFlagCheck::help);
			Matcher name = NAME.matcher(help);
			if (name.find() && name.group(1).trim().equals(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static String help(String command) {
		List<String> argv = new ArrayList<>(List.of(command.split(" ")));
		argv.add("--help");
		try {
			ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
					.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
			builder.environment().put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
			Process process = builder.start();
			String out;
			try (var in = process.getInputStream()) {
				out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " --help took over 60 s");
			}
			// gcloud marks up its help with terminal escapes even when writing to a pipe.
			return out.replaceAll("\u001B\\[[0-9;]*m", "");
		}
		catch (IOException e) {
			throw new IllegalStateException("The Google Cloud CLI (gcloud) is needed for this check and did not run", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
