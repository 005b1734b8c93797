package bench.micronaut;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import io.micronaut.function.aws.MicronautRequestHandler;

/**
 * Peer baseline: the reverse function as Micronaut's Lambda guide writes a handler: a MicronautRequestHandler
 * (which starts the application context in its constructor and maps the event JSON with Micronaut Serialization)
 * for an API Gateway HTTP API v2 event, answering the same proxy response as the Jackson baseline.
 */
public class ReverseHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

	@Override
	public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
		String body = event.getBody() == null ? "" : event.getBody();
		if (event.getIsBase64Encoded()) {
			body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
		}
		return APIGatewayV2HTTPResponse.builder()
				.withStatusCode(200)
				.withHeaders(Map.of("content-type", "text/plain;charset=UTF-8"))
				.withBody(new StringBuilder(body).reverse().toString())
				.withIsBase64Encoded(false)
				.build();
	}
}
