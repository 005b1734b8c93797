package dev.polyfn.packaging.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AWS's own CloudFormation linter (cfn-lint, with the SAM translator) run on a template, as a user's CI would.
 * cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational findings.
 */
final class CfnLint {

	record Result(int exitCode, String output) {

		boolean hasErrors() {
			return (exitCode & 2) != 0 || (exitCode & 1) != 0;
		}
	}

	private CfnLint() {
	}

	static Result run(Path template) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of("cfn-lint", "--format", "parseable", "--", template.toString()))
				.redirectErrorStream(true).start();
		String output;
		try (var in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("cfn-lint took over 3 minutes on " + template);
		}
		Result result = new Result(process.exitValue(), output);
		if (!output.isBlank()) {
			// Warnings are listed in the build output, as the issue asks; errors fail the calling test.
			System.out.println("cfn-lint " + template.getFileName() + " (exit " + result.exitCode() + "):\n" + output);
		}
		return result;
	}
}
