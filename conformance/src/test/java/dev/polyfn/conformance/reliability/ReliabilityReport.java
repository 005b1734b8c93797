package dev.polyfn.conformance.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code conformance/RELIABILITY.md}: every finding of the campaign's last run, failures first in the summary. */
final class ReliabilityReport {

	private ReliabilityReport() {
	}

	static void write(Path file, List<Finding> findings, List<String> errorLines, long millis) throws IOException {
		long failed = findings.stream().filter(f -> !f.passed()).count();
		StringBuilder md = new StringBuilder("# Reliability campaign\n\n");
		md.append("Hostile-traffic campaign of `ReliabilityCampaignTest` (run by `mvn verify`): ").append(findings.size())
				.append(" checks on the web app, the unpacked FC `bootstrap` and the unpacked SCF `scf_bootstrap`, each started as ")
				.append("its platform starts it, on loopback; ").append(failed).append(" failed; ").append(errorLines.size())
				.append(" ERROR log lines; ").append(millis / 1000).append(" s.\n\n")
				.append("Server settings for the run: `").append(ServerUnderTest.SETTINGS).append("`; everything else default ")
				.append("(README, \"HTTP server limits\"). The campaign fails on any check below failing and on any ERROR line, ")
				.append("since every fault here is the client's. Image bombs are in the examples' own tests.\n\n")
				.append("| server | scenario | expected | observed | verdict |\n|---|---|---|---|---|\n");
		for (Finding f : findings) {
			md.append("| ").append(f.target()).append(" | ").append(f.scenario()).append(" | ").append(escape(f.expected()))
					.append(" | ").append(escape(f.observed())).append(" | ").append(f.passed() ? "ok" : "**FAILED**").append(" |\n");
		}
		if (!errorLines.isEmpty()) {
			md.append("\n## ERROR log lines\n\n");
			errorLines.forEach(line -> md.append("- `").append(escape(line)).append("`\n"));
		}
		Files.writeString(file, md.toString());
	}

	private static String escape(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}
}
