package bench.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;

/** Baseline: a hand-written HTTP function that answers the reversed request body as text. */
public class PlainReverseFunction implements HttpFunction {

	@Override
	public void service(HttpRequest request, HttpResponse response) throws IOException {
		String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream().write(new StringBuilder(body).reverse().toString().getBytes(StandardCharsets.UTF_8));
	}
}
