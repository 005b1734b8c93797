package dev.polyfn.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.PortableHttpResponse;
import tools.jackson.databind.JsonNode;

class ScfHttpResponsesTest {

	@Test
	void text_body_travels_as_is() {
		JsonNode json = JsonEvents.parse(ScfHttpResponses.toJson(PortableHttpResponse.text(200, "olleh")).getBytes());
		assertThat(json.toString()).isEqualTo(
				"{\"isBase64Encoded\":false,\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain;charset=UTF-8\"},\"body\":\"olleh\"}");
	}

	@Test
	void binary_body_is_base64_encoded_and_flagged() {
		JsonNode json = JsonEvents.parse(ScfHttpResponses.toJson(
				PortableHttpResponse.of(200, "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })).getBytes());
		assertThat(json.get("isBase64Encoded").asBoolean() + " " + json.get("body").asString()).isEqualTo("true iVBORw==");
	}

	@Test
	void repeated_headers_are_joined_because_the_gateway_takes_one_value_per_header() {
		Headers headers = new Headers().add("Vary", "Accept").add("Vary", "Origin");
		JsonNode json = JsonEvents.parse(ScfHttpResponses.toJson(new PortableHttpResponse(204, headers, new byte[0])).getBytes());
		assertThat(json.at("/headers/Vary").asString()).isEqualTo("Accept,Origin");
	}
}
