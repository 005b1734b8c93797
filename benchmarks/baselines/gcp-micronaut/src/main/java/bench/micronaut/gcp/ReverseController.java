package bench.micronaut.gcp;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/**
 * Peer baseline: the reverse function as a Micronaut HTTP route, served on Cloud Run functions by Micronaut's
 * HttpFunction (io.micronaut.gcp.function.http.HttpFunction). Mapped at {@code POST /}, the request every GCP row
 * of the benchmark gets.
 */
@Controller
public class ReverseController {

	@Post(value = "/", consumes = MediaType.TEXT_PLAIN, produces = MediaType.TEXT_PLAIN)
	public String reverse(@Body String body) {
		return new StringBuilder(body).reverse().toString();
	}
}
