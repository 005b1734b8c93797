package dev.polyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which requests the Functions host forwards to polyfn's custom handler: the routes its function.json files declare. */
class AzureHostFrontTest {

	/** The custom-handler function.json AzurePackager writes for an HTTP function named square. */
	private static final String SQUARE = """
			{"bindings":[{"type":"httpTrigger","direction":"in","name":"req","authLevel":"function",
			"methods":["get","post","put","patch","delete"],"route":"square"},
			{"type":"http","direction":"out","name":"$return"}]}
			""";

	@TempDir
	Path app;

	@Test
	void a_declared_route_is_forwarded_for_its_methods() throws IOException {
		List<AzureHostFront.Route> routes = routesOf("square", SQUARE);
		assertThat(List.of(matches(routes, "POST", "/api/square"), matches(routes, "GET", "/api/Square"),
				matches(routes, "OPTIONS", "/api/square"))).containsExactly(true, true, false);
	}

	@Test
	void a_bean_that_no_function_json_declares_is_not_forwarded() throws IOException {
		assertThat(matches(routesOf("square", SQUARE), "POST", "/api/planThumbnail")).isFalse();
	}

	@Test
	void the_catch_all_route_of_an_app_without_deploy_entries_takes_every_path_under_api() throws IOException {
		List<AzureHostFront.Route> routes = routesOf("polyfn",
				"{\"bindings\":[{\"type\":\"httpTrigger\",\"route\":\"{*function}\"}]}");
		assertThat(List.of(matches(routes, "POST", "/api/square"), matches(routes, "POST", "/api/"),
				matches(routes, "POST", "/square"))).containsExactly(true, true, false);
	}

	@Test
	void a_function_without_a_route_is_at_its_name() throws IOException {
		assertThat(matches(routesOf("hello", "{\"bindings\":[{\"type\":\"httpTrigger\"}]}"), "DELETE", "/api/hello")).isTrue();
	}

	@Test
	void a_parameter_matches_one_segment() {
		assertThat(List.of(AzureHostFront.pattern("files/{name}").matcher("/api/files/cat.png").matches(),
				AzureHostFront.pattern("files/{name}").matcher("/api/files/a/b").matches())).containsExactly(true, false);
	}

	private List<AzureHostFront.Route> routesOf(String function, String functionJson) throws IOException {
		Files.writeString(Files.createDirectories(app.resolve(function)).resolve("function.json"), functionJson);
		return AzureHostFront.routes(app);
	}

	private static boolean matches(List<AzureHostFront.Route> routes, String method, String path) {
		return routes.stream().anyMatch(r -> r.matches(method, path));
	}
}
