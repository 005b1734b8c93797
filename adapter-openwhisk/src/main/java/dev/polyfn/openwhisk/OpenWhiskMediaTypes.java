package dev.polyfn.openwhisk;

import java.util.Locale;
import java.util.Set;

import dev.polyfn.core.model.MediaTypes;

/**
 * Which bodies OpenWhisk's controller carries as base64 and which as plain strings. The controller decides with
 * akka-http's media types, not with polyfn's {@link MediaTypes#isText}: akka calls a type binary unless it
 * registers it with a charset (every {@code text/*} it knows, a few {@code application/*}, all {@code multipart/*})
 * or the header gives one. Read 2026-12-03 from apache/openwhisk
 * core/controller/src/main/scala/org/apache/openwhisk/core/controller/WebActions.scala
 * ({@code extractEntityAndProcessRequest}, {@code interpretHttpResponse}) and akka/akka-http
 * akka-http-core/src/main/scala/akka/http/scaladsl/model/MediaType.scala (the {@code awoc}/{@code awfc} entries)
 * with akka-http's header parser ({@code getMediaType}: unknown types are binary without a charset parameter).
 */
final class OpenWhiskMediaTypes {

	/** akka-http's registered {@code application/*} types with a charset (open or fixed): text, not binary. */
	private static final Set<String> TEXT_APPLICATION_TYPES = Set.of("application/atom+xml", "application/base64",
			"application/javascript", "application/json", "application/json-patch+json", "application/rss+xml",
			"application/soap+xml", "application/vnd.api+json", "application/vnd.google-earth.kml+xml",
			"application/x-latex", "application/x-vrml", "application/x-www-form-urlencoded", "application/xhtml+xml",
			"application/xml-dtd", "application/xml");

	private OpenWhiskMediaTypes() {
	}

	/** Whether a raw web action's {@code __ow_body} holds base64 for a request of this content type. */
	static boolean requestBodyIsBase64(String contentType) {
		// "for legacy, we are encoding application/json still" (WebActions.scala): JSON arrives base64 as well.
		return binary(contentType) || MediaTypes.JSON.equals(MediaTypes.baseType(contentType));
	}

	/**
	 * Whether a web action's {@code body} must be base64 for the controller to answer these bytes. JSON too: the
	 * controller base64-decodes a JSON body that happens to look like base64 (a result such as {@code 1234} or
	 * {@code true}), so only base64 reaches the caller unchanged whatever the JSON.
	 */
	static boolean responseBodyNeedsBase64(String contentType) {
		return binary(contentType) || MediaTypes.isJson(contentType);
	}

	private static boolean binary(String contentType) {
		String base = MediaTypes.baseType(contentType);
		if (base == null) {
			return false; // no entity type: the controller passes the string along (text/html by default)
		}
		// Every text/* counts as text here; akka does so for the text types it registers, the common ones.
		if (base.startsWith("text/") || base.startsWith("multipart/") || TEXT_APPLICATION_TYPES.contains(base)) {
			return false;
		}
		return !contentType.toLowerCase(Locale.ROOT).contains("charset=");
	}
}
