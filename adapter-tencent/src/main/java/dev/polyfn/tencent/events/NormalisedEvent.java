package dev.polyfn.tencent.events;

import java.util.List;

import dev.polyfn.core.deploy.FunctionDeployment;
import dev.polyfn.core.model.PortableEvent;
import dev.polyfn.core.model.PortableHttpRequest;

/**
 * What an SCF event is once a row of {@link ScfEventTable} recognised it: an HTTP request or a batch of portable
 * events. Events no row recognises reach the function as raw JSON.
 */
public sealed interface NormalisedEvent {

	/** An API Gateway or Function URL request; answered with {@code {isBase64Encoded, statusCode, headers, body}}. */
	record HttpRequest(PortableHttpRequest request) implements NormalisedEvent {
	}

	/**
	 * One or more events from one trigger (COS records, a timer tick, CKafka or CMQ records).
	 *
	 * @param trigger the kind of trigger, to find the function deployed for it
	 * @param source what fired it: the bucket, topic or timer trigger's name
	 * @param label how errors name the trigger, e.g. "CKafka record"
	 * @param events the records in the order SCF delivered them
	 */
	record EventBatch(FunctionDeployment.Trigger trigger, String source, String label, List<PortableEvent> events)
			implements NormalisedEvent {

		public EventBatch {
			events = List.copyOf(events);
		}
	}
}
