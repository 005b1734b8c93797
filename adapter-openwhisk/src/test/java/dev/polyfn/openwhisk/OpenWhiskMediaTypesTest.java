package dev.polyfn.openwhisk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The controller's base64-or-text rule per content type (akka-http's binary flag; see OpenWhiskMediaTypes). */
class OpenWhiskMediaTypesTest {

	@ParameterizedTest(name = "a request of {0} arrives base64: {1}")
	@CsvSource(delimiter = '|', value = {
			"text/plain | false",
			"text/html; charset=utf-8 | false",
			"application/x-www-form-urlencoded | false",
			"application/xml | false",
			"multipart/form-data; boundary=x | false",
			"application/json | true",
			"application/json; charset=utf-8 | true",
			"application/octet-stream | true",
			"image/png | true",
			"image/svg+xml | true",
			"application/cloudevents+json | true",
			"application/cloudevents+json; charset=utf-8 | false" })
	void request_bodies(String contentType, boolean base64) {
		assertThat(OpenWhiskMediaTypes.requestBodyIsBase64(contentType)).isEqualTo(base64);
	}

	@ParameterizedTest(name = "a response of {0} goes base64: {1}")
	@CsvSource(delimiter = '|', value = {
			"text/plain;charset=UTF-8 | false",
			"text/csv | false",
			"application/xml | false",
			"application/json | true",
			"application/problem+json | true",
			"application/cloudevents+json; charset=utf-8 | true",
			"image/jpeg | true",
			"application/pdf | true" })
	void response_bodies(String contentType, boolean base64) {
		assertThat(OpenWhiskMediaTypes.responseBodyNeedsBase64(contentType)).isEqualTo(base64);
	}
}
