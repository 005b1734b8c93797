package dev.polyfn.tencent.events;

import tools.jackson.databind.JsonNode;

/** One row of the SCF event table: recognises one trigger's event shape and maps it to portable form. */
public interface EventShape {

	/** The trigger's name as logs and errors show it. */
	String name();

	/** Whether the event has this shape; cheap, looks at a few fields only. */
	boolean matches(JsonNode event);

	/** Maps an event that {@link #matches} to portable form; unreadable content fails with a 400 FunctionFailure. */
	NormalisedEvent normalise(JsonNode event);

	/** Whether the trigger waits for an HTTP-shaped answer (errors are then answered, not thrown). */
	default boolean answersHttp() {
		return false;
	}
}
