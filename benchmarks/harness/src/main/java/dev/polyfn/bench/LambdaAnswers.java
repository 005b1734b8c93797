package dev.polyfn.bench;

import java.util.regex.Pattern;

/**
 * What a correct Lambda answer is, per event. A direct invocation answers the reversed text (as a JSON string);
 * an HTTP API v2 event answers a proxy response with status 200 and exactly the reversed text as its body. The
 * second check is strict on purpose: a handler that reversed the whole event would also "contain" the text.
 */
final class LambdaAnswers {

	private static final Pattern STATUS_200 = Pattern.compile("\"statusCode\"\\s*:\\s*200\\b");
	private static final Pattern BODY = Pattern.compile("\"body\"\\s*:\\s*\"" + HttpProbe.EXPECTED + "\"");

	private LambdaAnswers() {
	}

	static boolean correct(String event, String answer) {
		if (Target.S3_PUT_EVENT.equals(event)) {
			return answer.contains("\"target\":\"thumbnails/cat.png\"");
		}
		if (Target.HTTP_API_EVENT.equals(event)) {
			return STATUS_200.matcher(answer).find() && BODY.matcher(answer).find();
		}
		return answer.contains(HttpProbe.EXPECTED);
	}
}
