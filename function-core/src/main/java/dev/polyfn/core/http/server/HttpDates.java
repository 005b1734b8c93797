package dev.polyfn.core.http.server;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header value, formatted a few times a second rather than per response. */
final class HttpDates {

	private HttpDates() {
	}

	static String now() {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
	}
}
