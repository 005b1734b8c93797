package dev.polyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class DockerfileTest {

	private static final String TWO_STAGES = """
			# comment
			FROM eclipse-temurin:25-jre-noble AS training
			WORKDIR /app
			COPY image/app/ /app/
			RUN ["java", "-XX:AOTCacheOutput=/app/app.aot", \\
			     "-jar", "/app/shop.jar"]
			FROM eclipse-temurin:25-jre-noble
			WORKDIR /app
			COPY --from=training /app/ /app/
			USER 10001:10001
			ENV PORT=8080
			ENV GREETING="hello world"
			EXPOSE 8080
			ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/shop.jar"]
			""";

	@Test
	void reads_each_stage_its_exec_form_lines_and_environment() {
		Dockerfile file = Dockerfile.parse(TWO_STAGES);

		assertThat(file.stages()).hasSize(2);
		assertThat(file.stage("training").runs())
			.containsExactly(List.of("java", "-XX:AOTCacheOutput=/app/app.aot", "-jar", "/app/shop.jar"));
		assertThat(file.image().entrypoint()).containsExactly("java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/shop.jar");
		assertThat(file.image().env()).containsEntry("PORT", "8080").containsEntry("GREETING", "hello world");
		assertThat(file.image().workdir()).isEqualTo("/app");
		assertThat(file.image().javaVersion()).isEqualTo(25);
	}

	@Test
	void a_command_of_the_image_names_the_package_folder_for_the_app_folder_on_this_machine() {
		List<String> local = Dockerfile.onThisMachine(Dockerfile.parse(TWO_STAGES).image().entrypoint(), "/app",
				Path.of("/work/p/image/app"), Path.of("/jdk/bin/java"));

		assertThat(local).containsExactly("/jdk/bin/java", "-XX:AOTCache=/work/p/image/app/app.aot", "-jar",
				"/work/p/image/app/shop.jar");
	}

	@Test
	void a_shell_form_line_runs_under_sh() {
		assertThat(Dockerfile.parse("FROM x\nRUN echo hi && ls\n").image().runs())
			.containsExactly(List.of("/bin/sh", "-c", "echo hi && ls"));
	}
}
