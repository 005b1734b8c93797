package bench.jackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Baseline: what a careful developer writes by hand with Jackson for the three event shapes the benchmark sends
 * (a direct invocation with a JSON string, an API Gateway HTTP API v2 event, an SQS batch), calling a reverse
 * function. It is the lower bound for any JSON-mapping adapter: one tree read, one write, no framework.
 */
public class JacksonReverseHandler implements RequestStreamHandler {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		JsonNode event = JSON.readTree(input);
		if (event.isTextual()) {
			JSON.writeValue(output, reverse(event.asText()));
		}
		else if (event.has("Records")) {
			// SQS: every record goes through the function; a failure would be listed in batchItemFailures.
			ArrayNode failures = JSON.createArrayNode();
			for (JsonNode record : event.get("Records")) {
				reverse(record.path("body").asText());
			}
			ObjectNode response = JSON.createObjectNode();
			response.set("batchItemFailures", failures);
			JSON.writeValue(output, response);
		}
		else {
			// API Gateway HTTP API v2: body (maybe base64) in, a proxy response out.
			String body = event.path("body").asText("");
			if (event.path("isBase64Encoded").asBoolean(false)) {
				body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
			}
			ObjectNode response = JSON.createObjectNode();
			response.put("statusCode", 200);
			response.putObject("headers").put("content-type", "text/plain;charset=UTF-8");
			response.put("body", reverse(body));
			response.put("isBase64Encoded", false);
			JSON.writeValue(output, response);
		}
	}

	private static String reverse(String text) {
		return new StringBuilder(text).reverse().toString();
	}
}
