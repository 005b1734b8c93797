package bench.quarkus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Peer baseline: the reverse function as Quarkus's Lambda guide writes it, a typed RequestHandler for an API
 * Gateway HTTP API v2 event. Quarkus's QuarkusStreamHandler starts the application and maps the event JSON to
 * these classes with its own Jackson mapper; the answer is the same proxy response the Jackson baseline writes.
 */
@jakarta.inject.Named("reverse")
public class ReverseLambda implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

	@Override
	public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
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
