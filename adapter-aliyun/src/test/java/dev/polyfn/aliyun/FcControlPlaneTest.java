package dev.polyfn.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.polyfn.core.model.PortableHttpRequest;

class FcControlPlaneTest {

	private static PortableHttpRequest request(String method, String path, String marker) {
		PortableHttpRequest.Builder builder = PortableHttpRequest.builder().method(method).path(path);
		if (marker != null) {
			builder.header(FcControlPlane.CONTROL_PATH, marker);
		}
		return builder.build();
	}

	@Test
	void an_event_invocation_marked_invoke_is_a_control_call() {
		assertThat(FcControlPlane.isControlCall(request("POST", "/invoke", "/invoke"), "POST", "/invoke")).isTrue();
	}

	@Test
	void http_trigger_traffic_to_a_control_path_is_user_traffic() {
		assertThat(FcControlPlane.isControlCall(request("POST", "/invoke", "/http-invoke"), "POST", "/invoke")).isFalse();
		assertThat(FcControlPlane.isControlCall(request("GET", "/pre-stop", "/http-invoke"), "GET", "/pre-stop")).isFalse();
	}

	@Test
	void a_marker_naming_another_path_is_not_this_control_call() {
		assertThat(FcControlPlane.isControlCall(request("POST", "/invoke", "/initialize"), "POST", "/invoke")).isFalse();
	}

	@Test
	void an_unmarked_call_is_served_by_path_as_in_a_local_run() {
		assertThat(FcControlPlane.isControlCall(request("GET", "/pre-stop", null), "GET", "/pre-stop")).isTrue();
		assertThat(FcControlPlane.isControlCall(request("POST", "/pre-stop", null), "GET", "/pre-stop")).isFalse();
	}
}
