package dev.polyfn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;

import dev.polyfn.azure.events.BlobTriggerEvents;
import dev.polyfn.core.invoke.FunctionFailure;
import dev.polyfn.core.model.PortableEvent;

/**
 * Blob trigger: a blob written to the watched container. The function gets the blob's bytes as the event data
 * and a {@code StorageObjectEvent} (container, name, size, etag, content type) as its typed payload. A failure
 * throws, so Azure retries the blob (5 times, then it records a message in {@code webjobs-blobtrigger-poison}).
 *
 * <p>{@code BlobTrigger} (the blob's path) and {@code Properties} are in the Blobs extension's binding data for
 * every blob ({@code BlobTriggerBinding.CreateBindingDataContract}) and never null, so binding them by name cannot
 * fail in the worker; a Properties value polyfn cannot read fails with polyfn's own 400.
 *
 * <p>The packager writes one function.json per storage function with path {@code <container>/{name}}
 * ({@code polyfn.deploy.<name>.source}); the annotation values are the generic function's, resolved from the
 * app settings {@code POLYFN_CONTAINER} and {@code AzureWebJobsStorage}.
 */
public class BlobTriggerHandler {

	private final AzureFunctionRuntime functions;

	public BlobTriggerHandler() {
		this(AzureFunctionRuntime.shared());
	}

	public BlobTriggerHandler(AzureFunctionRuntime functions) {
		this.functions = functions;
	}

	@FunctionName("polyfn-blob")
	public void run(
			@BlobTrigger(name = "content", dataType = "binary", path = "%POLYFN_CONTAINER%/{name}",
					connection = "AzureWebJobsStorage")
			byte[] content,
			@BindingName("BlobTrigger") String blobPath,
			@BindingName("Properties") String properties,
			ExecutionContext context) {
		PortableEvent event;
		try {
			event = BlobTriggerEvents.toEvent(content, blobPath, properties);
		}
		catch (FunctionFailure unreadable) {
			throw AzureFunctionRuntime.failed(context, unreadable.error());
		}
		functions.runEvent(event, context);
	}
}
