package dev.polyfn.messaging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** How an SQS error answer's code is read: as the SDK reports it, the query-compatible name first. */
class SqsClientTest {

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void the_query_error_header_names_the_code_as_the_sdk_reports_it() {
		assertThat(SqsClient.errorCode("AWS.SimpleQueueService.NonExistentQueue;Sender",
				json("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\"}"))).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
	}

	@Test
	void without_the_header_the_type_is_the_code_without_its_namespace() {
		assertThat(SqsClient.errorCode(null, json("{\"__type\":\"com.amazonaws.sqs#RequestThrottled\",\"message\":\"x\"}")))
			.isEqualTo("RequestThrottled");
	}

	@Test
	void a_type_with_a_uri_after_a_colon_is_cut_there() {
		assertThat(SqsClient.errorCode(null, json("{\"__type\":\"InvalidSecurity:http://internal.amazon.com/coral/\"}")))
			.isEqualTo("InvalidSecurity");
	}

	@Test
	void an_answer_that_is_not_json_names_no_code() {
		assertThat(SqsClient.errorCode(null, json("Bad Gateway"))).isNull();
	}
}
