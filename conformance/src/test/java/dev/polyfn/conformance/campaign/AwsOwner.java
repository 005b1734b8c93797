package dev.polyfn.conformance.campaign;

import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import dev.polyfn.aws.AlbHandler;
import dev.polyfn.aws.ApiGatewayHttpHandler;
import dev.polyfn.aws.ApiGatewayRestHandler;
import dev.polyfn.aws.DynamoDbStreamHandler;
import dev.polyfn.aws.EventBridgeHandler;
import dev.polyfn.aws.FunctionUrlHandler;
import dev.polyfn.aws.KinesisHandler;
import dev.polyfn.aws.LambdaFunctionException;
import dev.polyfn.aws.LambdaHandler;
import dev.polyfn.aws.S3Handler;
import dev.polyfn.aws.SnsHandler;
import dev.polyfn.aws.SqsHandler;
import dev.polyfn.conformance.JsonHttpAnswer;
import dev.polyfn.conformance.aws.Lambda;
import dev.polyfn.core.events.JsonEvents;
import tools.jackson.databind.JsonNode;

/**
 * AWS: each fixture folder goes to its own entry class's {@code handleRequest(InputStream, OutputStream, Context)}.
 * HTTP shapes (API Gateway, function URL, ALB) must always answer their response JSON with a {@code statusCode},
 * never fail the invocation (API Gateway would turn that into an opaque 502). Event shapes must answer JSON (SQS:
 * with a {@code batchItemFailures} list) or fail with the documented {@link LambdaFunctionException}.
 */
final class AwsOwner implements FixtureOwner {

	private record Entry(Class<? extends RequestStreamHandler> type, Supplier<? extends RequestStreamHandler> create,
			boolean http) {
	}

	private static final Map<String, Entry> BY_FOLDER = Map.ofEntries(
			Map.entry("alb", new Entry(AlbHandler.class, AlbHandler::new, true)),
			Map.entry("apigw-http-v2", new Entry(ApiGatewayHttpHandler.class, ApiGatewayHttpHandler::new, true)),
			Map.entry("apigw-rest-v1", new Entry(ApiGatewayRestHandler.class, ApiGatewayRestHandler::new, true)),
			Map.entry("function-url", new Entry(FunctionUrlHandler.class, FunctionUrlHandler::new, true)),
			Map.entry("direct-invoke", new Entry(LambdaHandler.class, LambdaHandler::new, false)),
			Map.entry("dynamodb-stream", new Entry(DynamoDbStreamHandler.class, DynamoDbStreamHandler::new, false)),
			Map.entry("eventbridge-scheduled", new Entry(EventBridgeHandler.class, EventBridgeHandler::new, false)),
			Map.entry("kinesis", new Entry(KinesisHandler.class, KinesisHandler::new, false)),
			Map.entry("s3", new Entry(S3Handler.class, S3Handler::new, false)),
			Map.entry("sns", new Entry(SnsHandler.class, SnsHandler::new, false)),
			Map.entry("sqs", new Entry(SqsHandler.class, SqsHandler::new, false)));

	private static Entry entry(String fixture) {
		Entry entry = BY_FOLDER.get(fixture.split("/")[1]);
		if (entry == null) {
			throw new IllegalStateException("No AWS entry class owns " + fixture);
		}
		return entry;
	}

	@Override
	public String entryPoint(String fixture) {
		return entry(fixture).type().getSimpleName() + "::handleRequest";
	}

	@Override
	public Outcome deliver(String fixture, byte[] payload) throws Exception {
		Entry entry = entry(fixture);
		RequestStreamHandler handler = Lambda.handler(MalformedInputCampaignTest.DEFINITION, entry.type(), entry.create());
		byte[] answer;
		try {
			answer = Lambda.invoke(handler, payload);
		}
		catch (LambdaFunctionException documented) {
			if (entry.http()) {
				throw new AssertionError("an HTTP shape failed the invocation (API Gateway answers 502): " + documented.getMessage());
			}
			return Outcome.documentedFailure(documented, documented.error().status());
		}
		if (entry.http()) {
			return Outcome.answered(JsonHttpAnswer.read(answer).status());
		}
		JsonNode json = JsonEvents.parse(answer);
		if (entry.type() == SqsHandler.class && (json.get("batchItemFailures") == null || !json.get("batchItemFailures").isArray())) {
			throw new AssertionError("SQS answer without batchItemFailures: " + json);
		}
		if (entry.type() == SqsHandler.class && !json.get("batchItemFailures").isEmpty()) {
			return new Outcome("SQS batchItemFailures", false);
		}
		return Outcome.returned();
	}
}
