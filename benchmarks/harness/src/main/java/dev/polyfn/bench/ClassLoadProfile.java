package dev.polyfn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cold start loads, from one extra run with {@code -Xlog:class+load} (uptime-stamped): the class count is a
 * good proxy for start-up work, and the per-library counts with their first/last load times show which library's
 * start-up dominates. The profiled run is slower than the timed ones and never enters the timings.
 */
final class ClassLoadProfile {

	/** Libraries in the order they are matched (first prefix wins). */
	private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

	static {
		GROUPS.put(FeatureFootprint.GROUP, FeatureFootprint.PACKAGES);
		GROUPS.put("polyfn", List.of("dev.polyfn."));
		GROUPS.put("Spring Cloud Function", List.of("org.springframework.cloud.function."));
		GROUPS.put("Spring Boot", List.of("org.springframework.boot."));
		GROUPS.put("Spring Messaging", List.of("org.springframework.messaging."));
		GROUPS.put("Spring Web/Tomcat", List.of("org.springframework.web.", "org.springframework.http.",
				"org.apache.catalina.", "org.apache.tomcat.", "org.apache.coyote.", "jakarta.servlet."));
		GROUPS.put("Spring Framework (core, beans, context, aop)", List.of("org.springframework."));
		GROUPS.put("Jackson 3", List.of("tools.jackson."));
		GROUPS.put("Jackson 2 / annotations", List.of("com.fasterxml.jackson."));
		GROUPS.put("Reactor", List.of("reactor.", "org.reactivestreams."));
		GROUPS.put("Logging", List.of("org.slf4j.", "ch.qos.logback.", "org.apache.logging."));
		GROUPS.put("Lambda runtime client", List.of("com.amazonaws."));
		GROUPS.put("Functions Framework / Jetty", List.of("com.google.cloud.functions.", "org.eclipse.jetty."));
		GROUPS.put("CloudEvents", List.of("io.cloudevents."));
		GROUPS.put("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
	}

	private static final Pattern LINE = Pattern.compile("^\\[([0-9.]+)s\\](?:\\[[^\\]]*\\])*\\s*(\\S+) source: (.*)$");

	record Group(String name, int classes, double firstSeconds, double lastSeconds) {
	}

	record Profile(int classes, int fromSharedArchive, int generated, double lastLoadSeconds, List<Group> groups,
			Map<String, Double> milestones) {
	}

	/**
	 * Start-up milestones: the JVM uptime at which a class that marks a phase first loaded (a class loads when the
	 * phase first needs it), so the gaps between them show where a cold start spends its time.
	 */
	static final Map<String, String> MILESTONES = new LinkedHashMap<>();

	static {
		MILESTONES.put("first polyfn class (runtime hands over)", "dev.polyfn.");
		MILESTONES.put("Spring Boot starts (SpringApplication)", "org.springframework.boot.SpringApplication");
		MILESTONES.put("Logback starts (first logger)", "ch.qos.logback.classic.LoggerContext");
		MILESTONES.put("polyfn's logging binds (first logger)", "dev.polyfn.core.logging.PolyfnLoggerFactory");
		MILESTONES.put("Spring application context created", "org.springframework.context.support.GenericApplicationContext");
		MILESTONES.put("ahead-of-time bean definitions applied", "__ApplicationContextInitializer");
		MILESTONES.put("configuration parsing starts", "org.springframework.context.annotation.ConfigurationClassParser");
		MILESTONES.put("auto-configurations selected", "org.springframework.boot.autoconfigure.AutoConfigurationImportSelector$AutoConfigurationGroup");
		MILESTONES.put("first Jackson 3 mapper created", "tools.jackson.databind.ObjectMapper");
		MILESTONES.put("function catalog created (first lookup)", "org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry");
		MILESTONES.put("polyfn pipeline bean created", "dev.polyfn.core.invoke.FunctionInvoker");
		MILESTONES.put("function resolved (plain bean, no catalog)", "dev.polyfn.core.invoke.ResolvedFunction");
	}

	private ClassLoadProfile() {
	}

	static String jvmOption(Path log) {
		return "-Xlog:class+load=info:file=" + log + ":uptime";
	}

	static Profile read(Path log) throws IOException {
		Map<String, int[]> counts = new LinkedHashMap<>();
		Map<String, double[]> times = new LinkedHashMap<>();
		Map<String, Double> milestones = new LinkedHashMap<>();
		int total = 0;
		int shared = 0;
		int generated = 0;
		double last = 0;
		for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
			Matcher matcher = LINE.matcher(line);
			if (!matcher.find()) {
				continue;
			}
			double at = Double.parseDouble(matcher.group(1));
			String name = matcher.group(2);
			String source = matcher.group(3);
			total++;
			last = Math.max(last, at);
			if (source.contains("shared objects file")) {
				shared++;
			}
			if (name.contains("$$") || name.contains("$Lambda") || source.startsWith("__")) {
				generated++;
			}
			for (Map.Entry<String, String> milestone : MILESTONES.entrySet()) {
				String marker = milestone.getValue();
				boolean hit = marker.endsWith(".") ? name.startsWith(marker)
						: marker.startsWith("__") ? name.endsWith(marker) : name.equals(marker);
				if (hit) {
					milestones.putIfAbsent(milestone.getKey(), at);
				}
			}
			String group = groupOf(name);
			counts.computeIfAbsent(group, g -> new int[1])[0]++;
			double[] window = times.computeIfAbsent(group, g -> new double[] { at, at });
			window[0] = Math.min(window[0], at);
			window[1] = Math.max(window[1], at);
		}
		List<Group> groups = counts.entrySet().stream()
				.map(e -> new Group(e.getKey(), e.getValue()[0], times.get(e.getKey())[0], times.get(e.getKey())[1]))
				.sorted((a, b) -> Integer.compare(b.classes(), a.classes()))
				.toList();
		return new Profile(total, shared, generated, last, groups, milestones);
	}

	private static String groupOf(String className) {
		for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
			for (String prefix : group.getValue()) {
				if (className.startsWith(prefix)) {
					return group.getKey();
				}
			}
		}
		return "other";
	}
}
