package dev.polyfn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Java runtime each polyfn package built in this run targets, read from the descriptors the package itself
 * ships (so the report says what a user deploys, not what the benchmark assumes): the SAM template's Runtime,
 * the printed gcloud command's --base-image, the Serverless Devs layer, the SCF runtime DEPLOY.md names.
 */
final class PackageRuntimes {

	/** What a package targets and the JDK release that means. */
	record Runtime(String cloud, String runtime, int javaRelease, String source) {
	}

	private record Rule(String cloud, String file, Pattern pattern) {
	}

	private static final List<Rule> RULES = List.of(
			new Rule("aws", "template.yaml", Pattern.compile("Runtime:\\s*(java(\\d+)\\S*)")),
			new Rule("gcp", "DEPLOY.md", Pattern.compile("--base-image[= ](java(\\d+))")),
			new Rule("aliyun", "s.yaml", Pattern.compile("layers/(Java(\\d+)/versions/\\d+)")),
			new Rule("tencent", "DEPLOY.md", Pattern.compile("\\*\\*Runtime\\*\\*:\\s*(Java(\\d+)[^\\n]*)")));

	private PackageRuntimes() {
	}

	/** Per cloud whose package was built: the runtime it targets. */
	static Map<String, Runtime> read(Path repo) {
		Map<String, Runtime> runtimes = new LinkedHashMap<>();
		for (Rule rule : RULES) {
			Path file = repo.resolve("examples/target/bench-" + rule.cloud() + "/polyfn/" + rule.cloud()).resolve(rule.file());
			try {
				if (!Files.isRegularFile(file)) {
					continue;
				}
				Matcher matcher = rule.pattern().matcher(Files.readString(file));
				if (matcher.find()) {
					runtimes.put(rule.cloud(), new Runtime(rule.cloud(), matcher.group(1).trim(),
							Integer.parseInt(matcher.group(2)), rule.file()));
				}
			}
			catch (IOException | RuntimeException e) {
				// an unreadable descriptor leaves that cloud out of the table; the report says "not read"
			}
		}
		return runtimes;
	}
}
