package dev.polyfn.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortableHttpRequestTest {

	@Test
	void headers_match_without_case_and_keep_every_value() {
		PortableHttpRequest request = PortableHttpRequest.builder().header("X-Multi", "a").header("x-multi", "b").build();
		assertThat(request.headers().all("X-MULTI")).containsExactly("a", "b");
		assertThat(request.headers().names()).containsExactly("X-Multi");
	}

	@Test
	void cookies_come_from_the_cookie_header_when_not_given() {
		PortableHttpRequest request = PortableHttpRequest.builder().header("Cookie", "a=1; b=2").build();
		assertThat(request.cookies()).containsExactly("a=1", "b=2");
	}

	@Test
	void raw_query_is_parsed_and_decoded() {
		PortableHttpRequest request = PortableHttpRequest.builder().rawQuery("q=a%20b&q=c&empty").build();
		assertThat(request.query().get("q")).containsExactly("a b", "c");
		assertThat(request.queryParameter("empty")).isEmpty();
	}

	@Test
	void binary_responses_need_base64_and_text_does_not() {
		assertThat(PortableHttpResponse.of(200, "image/png", new byte[] { 1 }).needsBase64()).isTrue();
		assertThat(PortableHttpResponse.of(200, "application/json", new byte[] { '1' }).needsBase64()).isFalse();
	}
}
