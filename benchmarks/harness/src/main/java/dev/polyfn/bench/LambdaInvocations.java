package dev.polyfn.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.polyfn.local.LambdaRuntimeApi;

/**
 * A Lambda target's invocations on polyfn-local's {@link LambdaRuntimeApi}: {@code count} copies of one event
 * queued before the runtime client starts, so that it takes them one after another. The first answer is the cold
 * start; each later one's time from {@code next} handing the event out to the response arriving is the warm
 * per-call cost as the Runtime API sees it. After the last event, {@code next} waits (as on Lambda, where the
 * sandbox is frozen) until this is closed.
 */
final class LambdaInvocations implements AutoCloseable {

	private final LambdaRuntimeApi api;
	private final List<CompletableFuture<LambdaRuntimeApi.Outcome>> answers = new ArrayList<>();

	private LambdaInvocations(LambdaRuntimeApi api) {
		this.api = api;
	}

	static LambdaInvocations queue(byte[] event, int count) throws IOException {
		LambdaInvocations invocations = new LambdaInvocations(
				new LambdaRuntimeApi("arn:aws:lambda:us-east-1:123456789012:function:bench"));
		for (int i = 0; i < count; i++) {
			invocations.answers.add(invocations.api.invoke(event));
		}
		return invocations;
	}

	/** host:port for AWS_LAMBDA_RUNTIME_API. */
	String address() {
		return api.address();
	}

	/** The first answer (the cold start's), or the init error the runtime client reported instead. */
	LambdaRuntimeApi.Outcome first(long timeoutSeconds) throws InterruptedException, ExecutionException, TimeoutException {
		return (LambdaRuntimeApi.Outcome) CompletableFuture.anyOf(answers.get(0), api.initError())
			.get(timeoutSeconds, TimeUnit.SECONDS);
	}

	/** Waits until every invocation is answered (or the init failed). */
	void all(long timeoutSeconds) throws InterruptedException, ExecutionException, TimeoutException {
		CompletableFuture.anyOf(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)), api.initError())
			.get(timeoutSeconds, TimeUnit.SECONDS);
	}

	/** Event handed out to response received, for invocations 2..n in order (once {@link #all} returned). */
	long[] warmLatenciesNanos() {
		return answers.stream().skip(1).map(CompletableFuture::join)
			.mapToLong(outcome -> outcome.receivedAtNanos() - outcome.deliveredAtNanos()).toArray();
	}

	/** Later answers that were errors or not the expected answer. */
	int wrongAnswers(Predicate<String> correct) {
		return (int) answers.stream().skip(1).map(answer -> answer.getNow(null))
			.filter(outcome -> outcome == null || outcome.isError() || !correct.test(outcome.body())).count();
	}

	@Override
	public void close() {
		api.close();
	}
}
