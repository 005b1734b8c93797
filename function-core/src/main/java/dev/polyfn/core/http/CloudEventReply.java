package dev.polyfn.core.http;

import java.util.Base64;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.invoke.InvocationResult;
import dev.polyfn.core.model.Headers;
import dev.polyfn.core.model.MediaTypes;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpResponse;
import dev.polyfn.core.model.RandomIds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to a request that carried a CloudEvent, as Knative Eventing's data plane expects of an event recipient
 * (knative/specs specs/eventing/data-plane.md, "Event Acknowledgement and Delivery Retry" and "Derived (Reply)
 * Events", read 2026-12-06):
 * <ul>
 * <li>a result is a reply event with {@code 200}: in binary mode ({@code ce-*} headers, the result as the body) when
 * the event came in binary mode, in structured mode ({@code application/cloudevents+json}) when it came structured.
 * The spec lets the recipient pick either ("a CloudEvent encoded using the binary or structured formats", and a
 * sender that takes replies must read both); answering in the mode the sender chose is the one it surely reads;</li>
 * <li>no result is {@code 202} with no body: "Event accepted", never routed on as a reply (a {@code 204} would be an
 * "other 2xx", reserved for future use);</li>
 * <li>a failure keeps the error contract's status and {@code {"error","message"}} body, which maps onto the spec's
 * retry table as it is: 400, 413, 415, 422 (client faults) are not retried, 500 and 503 (function and dependency
 * faults) are, and so are 404 (no such function: "endpoint does not exist"), 409 and 429.</li>
 * </ul>
 */
final class CloudEventReply {

	static final String SPEC_VERSION = "1.0";

	private CloudEventReply() {
	}

	static PortableHttpResponse of(String definition, PortableEvent received, boolean structured, InvocationResult result) {
		PortableHttpResponse response = HttpFunctionHandler.toResponse(result);
		if (result.failed()) {
			return response;
		}
		if (result.body().length == 0) {
			int status = result.status() == 200 || result.status() == 204 ? 202 : result.status();
			return new PortableHttpResponse(status, response.headers(), new byte[0]);
		}
		String id = RandomIds.next();
		String source = "/polyfn/" + definition;
		String type = received.type() + ".result";
		if (!structured) {
			response.headers().set("ce-specversion", SPEC_VERSION);
			response.headers().set("ce-id", id);
			response.headers().set("ce-source", CloudEventHeaderValues.encode(source));
			response.headers().set("ce-type", CloudEventHeaderValues.encode(type));
			return response;
		}
		ObjectNode event = JsonEvents.object().put("specversion", SPEC_VERSION).put("id", id).put("source", source)
			.put("type", type);
		String contentType = result.contentType() == null ? MediaTypes.OCTET_STREAM : result.contentType();
		event.put("datacontenttype", contentType);
		if (MediaTypes.isJson(contentType) && isJson(result.body())) {
			event.set("data", JsonEvents.readTree(result.body()));
		}
		else if (MediaTypes.isText(contentType)) {
			event.put("data", result.bodyAsString());
		}
		else {
			event.put("data_base64", Base64.getEncoder().encodeToString(result.body()));
		}
		Headers headers = response.headers();
		headers.set("Content-Type", MediaTypes.CLOUDEVENTS_JSON + "; charset=utf-8");
		return new PortableHttpResponse(result.status(), headers, JsonEvents.toBytes(event));
	}

	private static boolean isJson(byte[] body) {
		try {
			JsonEvents.readTree(body);
			return true;
		}
		catch (JacksonException notJson) {
			return false; // declared JSON but is not: it travels as a string rather than breaking the reply
		}
	}
}
