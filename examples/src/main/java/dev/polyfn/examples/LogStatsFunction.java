package dev.polyfn.examples;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.storage.PutOptions;
import dev.polyfn.core.storage.StorageBuckets;

/**
 * A batch of log lines → counts per level and per user. A line is {@code [timestamp] LEVEL [user=name] text};
 * lines without a level are counted as unparseable, never fatal. With {@link ReportObjects}, each report is also
 * written as a JSON object ({@code <prefix>log-stats-<time>.json}) and the answer names it.
 */
public class LogStatsFunction implements Function<List<String>, LogStatsFunction.LogStats> {

	/** Where reports are written: storage {@code alias}, under {@code prefix}, named by the clock's time. */
	public record ReportObjects(StorageBuckets storage, String alias, String prefix, Clock clock) {
	}

	private static final Pattern LEVEL = Pattern.compile("\\b(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\\b");

	private static final Pattern USER = Pattern.compile("\\buser=([^\\s,;]+)");

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LogStats(int lines, Map<String, Integer> byLevel, Map<String, Integer> byUser, int unparseable, String report) {

		LogStats withReport(String key) {
			return new LogStats(lines, byLevel, byUser, unparseable, key);
		}
	}

	private final ReportObjects reports;

	public LogStatsFunction() {
		this(null);
	}

	public LogStatsFunction(ReportObjects reports) {
		this.reports = reports;
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
		LogStats stats = new LogStats(lines.size(), byLevel, byUser, unparseable, null);
		return reports == null ? stats : stats.withReport(write(stats));
	}

	private String write(LogStats stats) {
		String key = reports.prefix() + "log-stats-" + reports.clock().instant().toString().replace(':', '-') + ".json";
		reports.storage().bucket(reports.alias()).put(key, JsonEvents.mapper().writeValueAsBytes(stats), PutOptions.contentType("application/json"));
		return key;
	}
}
