package dev.polyfn.examples;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch of log lines → counts per level and per user. A line is {@code [timestamp] LEVEL [user=name] text};
 * lines without a level are counted as unparseable, never fatal.
 */
public class LogStatsFunction implements Function<List<String>, LogStatsFunction.LogStats> {

	private static final Pattern LEVEL = Pattern.compile("\\b(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\b");

	private static final Pattern USER = Pattern.compile("\\buser=([^\\s,;]+)");

	public record LogStats(int lines, Map<String, Integer> byLevel, Map<String, Integer> byUser, int unparseable) {
	}

	@Override
	public LogStats apply(List<String> lines) {
		Map<String, Integer> byLevel = new TreeMap<>();
		Map<String, Integer> byUser = new TreeMap<>();
		int unparseable = 0;
		for (String line : lines) {
			Matcher level = line == null ? null : LEVEL.matcher(line);
			if (level == null || !level.find()) {
				unparseable++;
				continue;
			}
			String name = level.group(1).equals("WARNING") ? "WARN" : level.group(1);
			byLevel.merge(name, 1, Integer::sum);
			Matcher user = USER.matcher(line);
			if (user.find()) {
				byUser.merge(user.group(1), 1, Integer::sum);
			}
		}
		return new LogStats(lines.size(), byLevel, byUser, unparseable);
	}
}
