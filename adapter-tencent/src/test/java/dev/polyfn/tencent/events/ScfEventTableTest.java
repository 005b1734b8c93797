package dev.polyfn.tencent.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.PortableHttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ScfEventTableTest {

	@Test
	void function_url_request_is_recognised_without_gateway_fields() {
		JsonNode event = functionUrlEvent();
		EventShape shape = ScfEventTable.shapeOf(event);
		PortableHttpRequest request = ((NormalisedEvent.HttpRequest) shape.normalise(event)).request();
		assertThat(shape.name() + " " + request.method() + " " + request.rawQuery() + " " + request.bodyAsString())
				.isEqualTo("Function URL POST a=1&b=2 {\"test\":\"hello world\"}");
	}

	@Test
	void function_url_base64_body_is_decoded_to_bytes() {
		ObjectNode event = functionUrlEvent();
		event.put("isBase64Encoded", true);
		event.put("body", "AAEC/w==");
		PortableHttpRequest request = ((NormalisedEvent.HttpRequest) ScfEventTable.shapeOf(event).normalise(event)).request();
		assertThat(request.body()).containsExactly(0, 1, 2, 255);
	}

	@Test
	void function_url_invalid_base64_body_is_a_400() {
		ObjectNode event = functionUrlEvent();
		event.put("isBase64Encoded", true);
		event.put("body", "not base64!");
		EventShape shape = ScfEventTable.shapeOf(event);
		assertThatThrownBy(() -> shape.normalise(event)).isInstanceOfSatisfying(FunctionFailure.class,
				failure -> assertThat(failure.error().status()).isEqualTo(400));
	}

	@Test
	void plain_json_matches_no_shape_and_goes_to_the_function_raw() {
		assertThat(ScfEventTable.shapeOf(JsonEvents.parse("{\"numbers\":[1,2,3]}".getBytes()))).isNull();
	}

	@Test
	void cos_key_loses_the_appid_bucket_prefix_and_is_percent_decoded_keeping_plus() {
		assertThat(CosShape.bareKey("/1253970026/uploads/photos/cat%201+2.png", "1253970026", "uploads"))
				.isEqualTo("photos/cat 1+2.png");
	}

	static ObjectNode functionUrlEvent() {
		try (InputStream in = ScfEventTableTest.class.getResourceAsStream("/events/function-url-post.json")) {
			return (ObjectNode) JsonEvents.parse(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
