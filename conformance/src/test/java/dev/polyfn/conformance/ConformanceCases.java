package dev.polyfn.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import dev.polyfn.core.testing.Fixtures;

/**
 * The behaviour every target must show, written once. Adding a case here runs it on every target; a target that
 * cannot express it says so in its {@link Target#exclusions()}.
 */
public final class ConformanceCases {

	/** The body limit the kit runs with ({@code polyfn.max-body-size=1MB} in this module's build). */
	static final int LIMIT = 1024 * 1024;

	public record HttpCase(String name, String description, Supplier<HttpCall> call, Consumer<HttpAnswer> expect) {
	}

	public record EventCase(String name, String description, Check run) {
	}

	@FunctionalInterface
	public interface Check {

		void on(Target.Events target) throws Exception;
	}

	private ConformanceCases() {
	}

	public static List<HttpCase> http() {
		return List.of(
				new HttpCase("text", "reverse: text in, text out",
						() -> HttpCall.post("reverse", "text/plain", "hello"),
						answer -> {
							assertThat(answer.status()).isEqualTo(200);
							assertThat(answer.text()).isEqualTo("olleh");
							assertThat(answer.contentType()).startsWith("text/plain");
						}),
				new HttpCase("json", "square: JSON object in, JSON object out",
						() -> HttpCall.post("square", "application/json", "{\"numbers\":[2,3,4]}"),
						answer -> {
							assertThat(answer.status()).isEqualTo(200);
							assertThat(answer.text()).isEqualTo("{\"squares\":[4,9,16]}");
							assertThat(answer.contentType()).startsWith("application/json");
						}),
				new HttpCase("binary-image", "thumbnail: PNG in, PNG thumbnail out",
						() -> HttpCall.post("thumbnail", "image/png", Images.png(1000, 500)),
						answer -> {
							assertThat(answer.status()).isEqualTo(200);
							assertThat(answer.contentType()).isEqualTo("image/png");
							BufferedImage image = Images.read(answer.body());
							assertThat(image.getWidth()).isEqualTo(800);
							assertThat(image.getHeight()).isEqualTo(400);
						}),
				new HttpCase("binary-exact", "echoBytes: every byte value survives the base64 round trip",
						() -> HttpCall.post("echoBytes", "application/octet-stream", Images.allByteValues()),
						answer -> {
							assertThat(answer.status()).isEqualTo(200);
							assertThat(answer.body()).isEqualTo(Images.allByteValues());
						}),
				new HttpCase("composition", "uppercase|reverse composed in the path",
						() -> HttpCall.post("uppercase,reverse", "text/plain", "hello"),
						answer -> assertThat(answer.text()).isEqualTo("OLLEH")),
				new HttpCase("consumer", "audit: a consumer answers 202 with no body",
						() -> HttpCall.post("audit", "text/plain", "user logged in"),
						answer -> {
							assertThat(answer.status()).isEqualTo(202);
							assertThat(answer.body()).isEmpty();
						}),
				new HttpCase("supplier", "hello: a supplier needs no input",
						() -> HttpCall.get("hello"),
						answer -> {
							assertThat(answer.status()).isEqualTo(200);
							assertThat(answer.text()).isEqualTo("Hello from polyfn");
						}),
				new HttpCase("status-and-headers", "created: the function chooses 201 and its headers",
						() -> HttpCall.post("created", "text/plain", "42"),
						answer -> {
							assertThat(answer.status()).isEqualTo(201);
							assertThat(answer.headers().first("Location")).isEqualTo("/items/42");
							assertThat(answer.headers().first("X-Case")).isEqualTo("created");
							assertThat(answer.headers().names()).noneMatch(name -> name.startsWith("polyfn-"));
						}),
				new HttpCase("query", "echoRequest: query parameters reach the function",
						() -> HttpCall.post("echoRequest", "text/plain", "").query("q", "polyfn").query("page", "2"),
						answer -> assertThat(answer.text()).contains("\"q\":[\"polyfn\"]").contains("\"page\":[\"2\"]")),
				new HttpCase("multi-value", "echoRequest: repeated query parameters and headers keep every value",
						() -> HttpCall.post("echoRequest", "text/plain", "").query("tag", "a", "b").header("X-Multi", "one")
							.header("X-Multi", "two"),
						answer -> assertThat(answer.text()).contains("\"tag\":[\"a\",\"b\"]")
							.contains("\"multi\":[\"one\",\"two\"]")),
				new HttpCase("unicode", "echo: emoji and combining marks come back byte for byte",
						() -> HttpCall.post("echo", "text/plain; charset=utf-8", Fixtures.bytes("aws/direct-invoke/sam-cli-invoke-event_utf8.json")),
						answer -> assertThat(answer.body()).isEqualTo(Fixtures.bytes("aws/direct-invoke/sam-cli-invoke-event_utf8.json"))),
				new HttpCase("large-body", "echo: a body just under the limit is accepted",
						() -> HttpCall.post("echo", "text/plain", "a".repeat(LIMIT - 16 * 1024)),
						answer -> {
							assertThat(answer.status()).isEqualTo(200);
							assertThat(answer.body()).hasSize(LIMIT - 16 * 1024);
						}),
				new HttpCase("too-large", "echo: a body over the limit is 413",
						() -> HttpCall.post("echo", "text/plain", "a".repeat(LIMIT + 1024)),
						answer -> {
							assertThat(answer.status()).isEqualTo(413);
							assertThat(answer.text()).contains("\"error\":\"payload_too_large\"");
						}),
				new HttpCase("malformed-json", "square: malformed JSON is 400",
						() -> HttpCall.post("square", "application/json", "{\"numbers\":[2,"),
						answer -> {
							assertThat(answer.status()).isEqualTo(400);
							assertThat(answer.text()).contains("\"error\":\"invalid_input\"");
						}),
				new HttpCase("unknown-function", "nope: an unknown function is 404",
						() -> HttpCall.post("nope", "text/plain", "x"),
						answer -> {
							assertThat(answer.status()).isEqualTo(404);
							assertThat(answer.text()).contains("\"error\":\"function_not_found\"");
						}),
				new HttpCase("function-error", "fail: an exception is 500 JSON without message or stack trace",
						() -> HttpCall.post("fail", "text/plain", "x"),
						answer -> {
							assertThat(answer.status()).isEqualTo(500);
							assertThat(answer.contentType()).startsWith("application/json");
							assertThat(answer.text()).contains("\"error\":\"function_error\"").doesNotContain("boom-secret-detail")
								.doesNotContain("\tat ");
						}));
	}

	public static List<EventCase> events() {
		return List.of(
				new EventCase("storage-event", "planThumbnail: an uploaded image gets a thumbnail plan (URL-decoded key)",
						target -> assertThat(target.storageObjectCreated("uploads", "photos/cat 1.png", "image/png"))
							.isEqualTo("{\"source\":\"photos/cat 1.png\",\"target\":\"thumbnails/photos/cat 1.png\"}")),
				new EventCase("timer", "cleanupExpired: a timer tick runs the clean-up",
						target -> assertThat(target.timerFired("hourly-cleanup")).contains("\"removed\":")
							.contains("\"remaining\":")),
				new EventCase("queue-batch-one-failure", "processOrder: one bad order in three is retried, none is lost",
						target -> {
							Target.QueueOutcome outcome = target.queueBatch(List.of(
									"{\"orderId\":\"o-1\",\"sku\":\"apple\",\"quantity\":1}",
									"{\"orderId\":\"o-2\",\"sku\":\"apple\"}",
									"{\"orderId\":\"o-3\",\"sku\":\"pear\",\"quantity\":1}"));
							assertThat(outcome.redelivered()).contains(1);
							if (outcome.perItem()) {
								assertThat(outcome.redelivered()).isEqualTo(Set.of(1));
							}
							else {
								assertThat(outcome.redelivered()).isEqualTo(Set.of(0, 1, 2));
							}
						}));
	}

	/** Images and byte patterns made on the fly: no binary files in the repository. */
	static final class Images {

		static byte[] png(int width, int height) {
			BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			var g = image.createGraphics();
			g.setColor(java.awt.Color.MAGENTA);
			g.fillRect(0, 0, width / 2, height);
			g.dispose();
			var out = new java.io.ByteArrayOutputStream();
			try {
				ImageIO.write(image, "png", out);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return out.toByteArray();
		}

		static BufferedImage read(byte[] bytes) {
			try {
				BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
				assertThat(image).as("a readable image").isNotNull();
				return image;
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		static byte[] allByteValues() {
			byte[] bytes = new byte[512];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) i;
			}
			return bytes;
		}
	}

}
