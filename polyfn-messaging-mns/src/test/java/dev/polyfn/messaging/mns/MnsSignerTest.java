package dev.polyfn.messaging.mns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The signature against the vendor's own worked example, "How do I obtain the signature string of an API request?"
 * (https://www.alibabacloud.com/help/en/message-service/latest/how-do-i-obtain-the-signature-string-of-an-api-request,
 * also https://help.aliyun.com/document_detail/175633.htm, read 2026-12-06): {@code GET /MyQueue} with
 * {@code Date: Thu, 09 Jul 2015 03:01:34 GMT} and {@code x-mns-version:2015-06-06}, key {@code TestAccessID} /
 * {@code TestAccessSecret}, signature {@code uwx3yeWoILzgmvesW0BQSgfM****} (the page masks its last four characters).
 */
class MnsSignerTest {

	private static final String DOCS_DATE = "Thu, 09 Jul 2015 03:01:34 GMT";

	@Test
	void the_docs_example_request_has_the_docs_string_to_sign() {
		String signed = MnsSigner.stringToSign("GET", "", "", DOCS_DATE, Map.of("x-mns-version", "2015-06-06"), "/MyQueue");

		assertThat(signed).isEqualTo("GET\n\n\nThu, 09 Jul 2015 03:01:34 GMT\nx-mns-version:2015-06-06\n/MyQueue");
	}

	@Test
	void the_docs_example_signs_to_the_signature_the_docs_show() {
		String signature = MnsSigner.signature("TestAccessSecret",
				MnsSigner.stringToSign("GET", "", "", DOCS_DATE, Map.of("x-mns-version", "2015-06-06"), "/MyQueue"));

		assertThat(signature).startsWith("uwx3yeWoILzgmvesW0BQSgfM").hasSize(28);
	}

	@Test
	void only_x_mns_headers_are_signed_lower_cased_and_sorted_each_with_a_newline() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-MNS-Version", "2015-06-06");
		headers.put("Host", "123.mns.cn-hangzhou.aliyuncs.com");
		headers.put("security-token", "sts");
		headers.put("x-mns-date", DOCS_DATE);

		String signed = MnsSigner.stringToSign("post", "", "text/xml;charset=utf-8", DOCS_DATE, headers, "/queues/q/messages");

		assertThat(signed).isEqualTo("POST\n\ntext/xml;charset=utf-8\n" + DOCS_DATE + "\nx-mns-date:" + DOCS_DATE
				+ "\nx-mns-version:2015-06-06\n/queues/q/messages");
	}

	@Test
	void the_authorization_header_is_mns_key_id_colon_signature() {
		assertThat(MnsSigner.authorization("TestAccessID", "sig=")).isEqualTo("MNS TestAccessID:sig=");
	}
}
