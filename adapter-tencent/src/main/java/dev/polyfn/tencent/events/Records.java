package dev.polyfn.tencent.events;

import java.util.ArrayList;
import java.util.List;

import dev.polyfn.core.events.JsonEvents;
import tools.jackson.databind.JsonNode;

/** The {@code Records} array COS, CKafka and CMQ events share; each record holds its data under one key. */
final class Records {

	private Records() {
	}

	/** Whether the first record carries data under {@code key} ({@code cos}, {@code Ckafka}, {@code CMQ}). */
	static boolean firstHas(JsonNode event, String key) {
		JsonNode records = JsonEvents.at(event, "Records");
		return records != null && records.isArray() && !records.isEmpty() && JsonEvents.at(records.get(0), key) != null;
	}

	/** Every record, in delivery order. */
	static List<JsonNode> all(JsonNode event) {
		List<JsonNode> list = new ArrayList<>();
		JsonNode records = JsonEvents.at(event, "Records");
		if (records != null) {
			records.forEach(list::add);
		}
		return list;
	}

	/** Message bodies that look like JSON are declared JSON, so a function taking a record type reads them. */
	static String contentTypeOf(String body) {
		String trimmed = body == null ? "" : body.strip();
		return trimmed.startsWith("{") || trimmed.startsWith("[") ? "application/json" : "text/plain;charset=UTF-8";
	}
}
