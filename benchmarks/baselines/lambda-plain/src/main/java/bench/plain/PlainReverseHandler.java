package bench.plain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Baseline: a hand-written handler for a direct invocation whose payload is a JSON string ("text"), answering the
 * reversed string. No JSON library: it strips the quotes itself, which is all a trivial String function needs.
 */
public class PlainReverseHandler implements RequestStreamHandler {

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		String payload = new String(input.readAllBytes(), StandardCharsets.UTF_8).trim();
		String text = payload.length() >= 2 && payload.charAt(0) == '"' ? payload.substring(1, payload.length() - 1)
				: payload;
		String reversed = new StringBuilder(text).reverse().toString();
		output.write(('"' + reversed + '"').getBytes(StandardCharsets.UTF_8));
	}
}
