package dev.polyfn.packaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.testing.PackagedBuild;
import dev.polyfn.packaging.CloudRuntimes;

/** What {@code mvn -Paws package} writes for the examples, checked as AWS would check it. */
class PackagedTemplateTest {

	private static final Pattern RUNTIME = Pattern.compile("(?m)^\\s*Runtime:\\s*(\\S+)");

	@Test
	void packaged_template_passes_cfn_lint() throws Exception {
		CfnLint.Result result = CfnLint.run(PackagedBuild.of("aws").resolve("template.yaml"));
		assertThat(result.hasErrors()).as(result.output()).isFalse();
	}

	@Test
	void every_runtime_the_packaged_descriptors_name_is_one_aws_offers_today() throws Exception {
		Path out = PackagedBuild.of("aws");
		for (String file : List.of("template.yaml", "DEPLOY.md")) {
			String text = Files.readString(out.resolve(file));
			Matcher yaml = RUNTIME.matcher(text);
			Matcher cli = Pattern.compile("--runtime (\\S+)").matcher(text);
			int named = 0;
			while (yaml.find()) {
				CloudRuntimes.requireUsable("aws", yaml.group(1), file);
				named++;
			}
			while (cli.find()) {
				CloudRuntimes.requireUsable("aws", cli.group(1), file);
				named++;
			}
			assertThat(named).as("runtimes named in " + file).isPositive();
		}
	}
}
