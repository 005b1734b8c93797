package bench.azure;

import java.util.Optional;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;

/** Baseline: a hand-written Azure HTTP function that answers the reversed request body as text. */
public class PlainReverseFunction {

	@FunctionName("reverse")
	public HttpResponseMessage run(@HttpTrigger(name = "request", methods = HttpMethod.POST,
			authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
			ExecutionContext context) {
		String body = request.getBody().orElse("");
		return request.createResponseBuilder(HttpStatus.OK).header("Content-Type", "text/plain;charset=UTF-8")
			.body(new StringBuilder(body).reverse().toString()).build();
	}
}
