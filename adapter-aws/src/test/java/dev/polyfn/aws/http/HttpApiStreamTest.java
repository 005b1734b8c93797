package dev.polyfn.aws.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpRequest;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.testing.Fixtures;
import tools.jackson.databind.node.ObjectNode;

/** The one-pass 2.0 mapping must give exactly what the tree mapping gives, and leave the unusual to it. */
class HttpApiStreamTest {

	private final HttpApiShape shape = HttpApiShape.httpApi();

	@ParameterizedTest
	@ValueSource(strings = { "aws/apigw-http-v2/java-libs-apigw_http_event.json",
			"aws/apigw-http-v2/go-apigw-v2-request-no-authorizer.json",
			"aws/function-url/go-function-url-domain-only-get-request.json",
			"aws/function-url/go-function-url-domain-only-request-with-base64-encoded-body.json",
			"aws/function-url/go-function-url-request-with-headers-and-cookies-and-text-body.json" })
	void every_fixture_maps_to_the_same_request_as_the_tree(String fixture) {
		byte[] event = Fixtures.bytes(fixture);

		assertThat(describe(HttpApiStream.readOrNull(event))).isEqualTo(describe(shape.toRequest(JsonEvents.parse(event))));
	}

	@Test
	void a_response_is_written_as_the_tree_mapping_writes_it() {
		Headers headers = new Headers().add("Content-Type", "text/plain").add("X-Multi", "a").add("X-Multi", "b")
			.add("Set-Cookie", "a=1").add("Set-Cookie", "b=2");
		for (PortableHttpResponse response : List.of(new PortableHttpResponse(201, headers, "héllo".getBytes()),
				PortableHttpResponse.of(200, "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }),
				new PortableHttpResponse(204, new Headers(), new byte[0]))) {
			assertThat(new String(HttpApiStream.write(response)))
				.isEqualTo(new String(JsonEvents.toBytes(shape.toResponse(response, null))));
		}
	}

	@Test
	void what_the_tree_reads_its_own_way_is_left_to_it() {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/apigw-http-v2/java-libs-apigw_http_event.json"));
		event.put("isBase64Encoded", "true");
		assertThat(HttpApiStream.readOrNull(JsonEvents.toBytes(event))).as("flag as text").isNull();
		event.put("isBase64Encoded", false).put("rawPath", 42);
		assertThat(HttpApiStream.readOrNull(JsonEvents.toBytes(event))).as("number as path").isNull();
		assertThat(HttpApiStream.readOrNull("{\"rawPath\":\"/\"} trailing".getBytes())).as("trailing content").isNull();
		assertThat(HttpApiStream.readOrNull("\"just text\"".getBytes())).as("not an object").isNull();
		assertThat(HttpApiStream.readOrNull("{not json".getBytes())).as("malformed").isNull();
	}

	@Test
	void an_invalid_base64_body_is_the_same_400_as_on_the_tree_path() {
		ObjectNode event = (ObjectNode) JsonEvents.parse(Fixtures.bytes("aws/apigw-http-v2/java-libs-apigw_http_event.json"));
		event.put("isBase64Encoded", true).put("body", "%%%not base64");
		assertThatThrownBy(() -> HttpApiStream.readOrNull(JsonEvents.toBytes(event))).isInstanceOf(FunctionFailure.class)
			.hasMessageContaining("base64");
	}

	private static String describe(PortableHttpRequest request) {
		return request.method() + " " + request.path() + "?" + request.rawQuery() + " " + request.headers().toMap()
				+ " cookies=" + request.cookies() + " base64=" + request.base64Encoded() + " body="
				+ java.util.Arrays.toString(request.body());
	}
}
