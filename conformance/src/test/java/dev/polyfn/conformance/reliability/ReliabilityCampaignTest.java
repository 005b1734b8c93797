package dev.polyfn.conformance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfn.core.testing.PackagedBuild;

/**
 * Hostile traffic against every polyfn server as its platform starts it (issue 15): slow and trickling clients,
 * protocol faults, the method matrix, a flood, and SIGTERM under load. Bounded (counts and timeouts), loopback
 * only; writes {@code conformance/RELIABILITY.md} and fails on any failed check or any ERROR log line.
 */
class ReliabilityCampaignTest {

	private static final Duration DRAIN = Duration.ofSeconds(15);

	@TempDir
	Path work;

	@Test
	@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
	void hostile_traffic_gets_4xx_in_the_contract_and_never_stops_service() throws Exception {
		long start = System.nanoTime();
		List<Finding> findings = new ArrayList<>();
		List<String> errorLines = new ArrayList<>();
		for (ServerUnderTest.Kind kind : ServerUnderTest.Kind.values()) {
			try (ServerUnderTest server = ServerUnderTest.start(kind, work)) {
				Scenarios scenarios = new Scenarios(server);
				scenarios.slowClients();
				scenarios.tricklingHeaders();
				scenarios.protocolFaults();
				scenarios.disconnectMidUpload(server.logLength());
				scenarios.methodMatrix(server.logLength());
				scenarios.flood();
				scenarios.shutdownUnderLoad(DRAIN);
				findings.addAll(scenarios.findings());
				server.logSince(0).stream().filter(line -> line.contains(" ERROR "))
						.forEach(line -> errorLines.add(kind.label + ": " + line));
			}
			try (ServerUnderTest server = ServerUnderTest.start(kind, work)) {
				Scenarios scenarios = new Scenarios(server);
				scenarios.shutdownDuringThumbnails(DRAIN);
				findings.addAll(scenarios.findings());
				server.logSince(0).stream().filter(line -> line.contains(" ERROR "))
						.forEach(line -> errorLines.add(kind.label + ": " + line));
			}
		}
		Path report = PackagedBuild.projectRoot().resolve("conformance/RELIABILITY.md");
		ReliabilityReport.write(report, findings, errorLines, (System.nanoTime() - start) / 1_000_000);

		assertThat(findings).as("failed checks, see " + report).allMatch(Finding::passed);
		assertThat(errorLines).as("ERROR log lines for client-caused faults").isEmpty();
	}
}
