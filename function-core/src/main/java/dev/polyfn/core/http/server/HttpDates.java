package dev.polyfn.core.http.server;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value (RFC 9110 IMF-fixdate), formatted a few times a second rather than per response. */
final class HttpDates {

	private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.US);

	private HttpDates() {
	}

	static String now() {
		return IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC));
	}
}
