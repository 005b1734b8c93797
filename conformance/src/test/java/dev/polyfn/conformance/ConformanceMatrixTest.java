package dev.polyfn.conformance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

import dev.polyfn.conformance.ConformanceReport.Verdict;

/** Runs every case on every target that can express it, and writes target/conformance/report.md. */
class ConformanceMatrixTest {

	private static final ConformanceReport report = new ConformanceReport();

	@TestFactory
	Stream<DynamicNode> every_case_on_every_target() {
		List<DynamicNode> perTarget = new ArrayList<>();
		for (Target target : Targets.all()) {
			List<DynamicNode> tests = new ArrayList<>();
			if (target instanceof Target.Http http) {
				for (ConformanceCases.HttpCase c : ConformanceCases.http()) {
					report.describe(c.name(), c.description());
					tests.add(cell(target, c.name(), () -> c.expect().accept(http.call(c.call().get()))));
				}
			}
			if (target instanceof Target.Events events) {
				for (ConformanceCases.EventCase c : ConformanceCases.events()) {
					report.describe(c.name(), c.description());
					tests.add(cell(target, c.name(), () -> c.run().on(events)));
				}
			}
			perTarget.add(DynamicContainer.dynamicContainer(target.name(), tests));
		}
		return perTarget.stream();
	}

	private static DynamicTest cell(Target target, String caseName, ThrowingCase body) {
		return DynamicTest.dynamicTest(caseName, () -> {
			String reason = target.exclusions().get(caseName);
			if (reason != null) {
				report.record(caseName, target.name(), Verdict.EXCLUDED, target.name() + " / " + caseName + ": " + reason);
				throw new TestAbortedException("excluded: " + reason);
			}
			try {
				body.run();
				report.record(caseName, target.name(), Verdict.PASS, null);
			}
			catch (Throwable failure) {
				report.record(caseName, target.name(), Verdict.FAIL,
						target.name() + " / " + caseName + ": " + String.valueOf(failure.getMessage()).lines().limit(6)
							.reduce("", (a, b) -> a + " " + b.trim()));
				throw failure;
			}
		});
	}

	@FunctionalInterface
	private interface ThrowingCase {

		void run() throws Throwable;
	}

	@AfterAll
	static void writeReport() {
		Path file = report.write();
		System.out.println("Conformance matrix: " + report.count(Verdict.PASS) + " cells pass, "
				+ report.count(Verdict.FAIL) + " cells fail, " + report.count(Verdict.EXCLUDED)
				+ " excluded with a reason; report: " + file);
	}
}
