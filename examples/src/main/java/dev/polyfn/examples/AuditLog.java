package dev.polyfn.examples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory audit trail; a real deployment would write to a log store. */
public class AuditLog {

	private final List<String> lines = new CopyOnWriteArrayList<>();

	public void record(String line) {
		lines.add(line);
	}

	public List<String> lines() {
		return List.copyOf(lines);
	}

	public int size() {
		return lines.size();
	}
}
