package dev.polyfn.google.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The id of the project a function runs in, for APIs whose resource names carry it ({@code projects/<p>/topics/<t>}):
 * {@code GOOGLE_CLOUD_PROJECT}, the variable Google's client libraries read first, else the metadata server of the
 * instance ({@code /computeMetadata/v1/project/project-id}, "About VM metadata" and Cloud Run's container contract,
 * https://cloud.google.com/run/docs/container-contract#metadata-server, read 2026-12-06): Cloud Run sets no project
 * variable of its own.
 */
public final class GoogleProject {

	static final String METADATA_PROJECT_ID = "/computeMetadata/v1/project/project-id";

	private GoogleProject() {
	}

	/** The project id, or an {@link IOException} saying where it looked. */
	public static String find(UnaryOperator<String> environment, HttpClient http) throws IOException, InterruptedException {
		String named = environment.apply("GOOGLE_CLOUD_PROJECT");
		if (named != null && !named.isBlank()) {
			return named.trim();
		}
		HttpResponse<String> answer;
		try {
			answer = http.send(HttpRequest.newBuilder(URI.create("http://" + MetadataHost.of(environment) + METADATA_PROJECT_ID)).timeout(Duration.ofSeconds(5))
				.header("Metadata-Flavor", "Google").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException unreachable) {
			throw new IOException("No project id: GOOGLE_CLOUD_PROJECT is unset and the metadata server is not reachable "
					+ "(not on Google Cloud?)", unreachable);
		}
		if (answer.statusCode() != 200 || answer.body().isBlank()) {
			throw new IOException("No project id: GOOGLE_CLOUD_PROJECT is unset and the metadata server answered " + answer.statusCode());
		}
		return answer.body().trim();
	}
}
