package bench.micronaut.proxy;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/**
 * Peer baseline: the reverse function as a Micronaut HTTP route, served on Lambda by Micronaut's API Gateway
 * HTTP API v2 proxy (handler io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction).
 */
@Controller
public class ReverseController {

	@Post(value = "/reverse", consumes = MediaType.TEXT_PLAIN, produces = MediaType.TEXT_PLAIN)
	public String reverse(@Body String body) {
		return new StringBuilder(body).reverse().toString();
	}
}
