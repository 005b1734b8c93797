package dev.polyfn.conformance.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.testing.ShellWords;
import dev.polyfn.azure.HttpTriggerHandler;
import dev.polyfn.azure.host.FunctionsHost;
import dev.polyfn.azure.host.HostHttpResponse;
import dev.polyfn.azure.host.JavaWorker;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.testing.PackagedBuild;

/**
 * The README's Azure {@code curl} lines, each followed by {@code # → <what curl prints>}, run as printed through
 * the host-faithful path: to {@code $APP} through the host's {@code RpcHttp} and the Java worker's binding, to
 * {@code $APP-bin} through the host's forwarding to the custom handler. What curl would print (the body, or its
 * {@code -w} line when {@code -o} sends the body elsewhere) must be the printed answer.
 */
class ReadmeAzureCurlTest {

	@Test
	void every_azure_curl_line_in_the_readme_answers_as_printed() throws Exception {
		List<String[]> calls = curlLinesWithAnswers();

		assertThat(calls).as("curl lines with a '# →' answer in the README's Azure section").hasSizeGreaterThanOrEqualTo(4);
		for (String[] call : calls) {
			assertThat(printed(Curl.parse(call[0]))).as(call[0]).isEqualTo(call[1]);
		}
	}

	private static List<String[]> curlLinesWithAnswers() throws IOException {
		String readme = Files.readString(PackagedBuild.projectRoot().resolve("README.md"));
		int start = readme.indexOf("\n## Azure Functions\n");
		String section = readme.substring(start, readme.indexOf("\n## ", start + 5));
		List<String> lines = section.lines().toList();
		List<String[]> calls = new ArrayList<>();
		for (int i = 0; i + 1 < lines.size(); i++) {
			if (lines.get(i).startsWith("curl ") && lines.get(i + 1).startsWith("# → ")) {
				calls.add(new String[] { lines.get(i), lines.get(i + 1).substring("# → ".length()) });
			}
		}
		return calls;
	}

	/** What curl prints for the call: the body, or the -w line when -o sends the body to a file. */
	private static String printed(Curl curl) throws Exception {
		URI url = URI.create(curl.url().replace("$APP-bin", "app-bin").replace("$APP", "app").replace("$KEY", "key"));
		byte[] body = curl.body();
		int status;
		String contentType;
		byte[] answer;
		if (url.getHost().startsWith("app-bin.")) {
			HttpResponse<byte[]> response = AzureCustomHandlerTarget.host().forward(curl.method(), url.getRawPath(),
					url.getRawQuery(), curl.headers(), body);
			status = response.statusCode();
			contentType = response.headers().firstValue("Content-Type").orElse("");
			answer = response.body();
		}
		else {
			String function = url.getPath().substring("/api/".length());
			HostHttpResponse response = JavaWorker.invoke(AzureEventsTarget.handler(HttpTriggerHandler.class),
					FunctionsHost.httpInvocation(function, "request",
							FunctionsHost.http(curl.method(), url.toString(), curl.headers(), body))).http();
			status = response.getStatusCode();
			contentType = response.headers().first("Content-Type");
			answer = response.bytes();
		}
		if (curl.writeOut() == null) {
			return new String(answer, StandardCharsets.UTF_8);
		}
		return curl.writeOut().replace("%{http_code}", Integer.toString(status))
				.replace("%{content_type}", contentType == null ? "" : contentType).replace("\\n", "").strip();
	}

	/** The options of the README's curl lines, split as a shell splits single- and double-quoted words. */
	record Curl(String method, String url, Headers headers, byte[] body, String writeOut) {

		static Curl parse(String line) throws IOException {
			List<String> words = ShellWords.split(line);
			String method = "GET";
			String url = null;
			String writeOut = null;
			byte[] body = new byte[0];
			Headers headers = new Headers();
			for (int i = 1; i < words.size(); i++) {
				String word = words.get(i);
				switch (word) {
					case "-s" -> {
					}
					case "-o" -> i++;
					case "-w" -> writeOut = words.get(++i);
					case "-X" -> method = words.get(++i);
					case "-H" -> {
						String[] header = words.get(++i).split(":\\s*", 2);
						headers.add(header[0], header[1]);
					}
					case "-d" -> body = words.get(++i).getBytes(StandardCharsets.UTF_8);
					case "--data-binary" -> body = file(words.get(++i));
					default -> url = word;
				}
			}
			return new Curl(method, url, headers, body, writeOut);
		}

		/** {@code @photo.png}: an image of the size the conformance kit's thumbnail case uses. */
		private static byte[] file(String reference) throws IOException {
			assertThat(reference).isEqualTo("@photo.png");
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB), "png", png);
			return png.toByteArray();
		}
	}
}
