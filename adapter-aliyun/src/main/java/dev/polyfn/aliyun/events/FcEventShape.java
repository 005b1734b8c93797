package dev.polyfn.aliyun.events;

import tools.jackson.databind.JsonNode;

/** One row of the event table: recognises one trigger's event JSON and maps it to portable events. */
public interface FcEventShape {

	boolean matches(JsonNode event);

	/** Maps a matching event; a field that breaks the shape's contract fails with a 400 {@code FunctionFailure}. */
	FcEvent read(JsonNode event);
}
