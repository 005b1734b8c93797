package dev.polyfn.messaging.azure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;

import dev.polyfn.azure.credentials.HostStorageAccount;
import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingProvider;
import dev.polyfn.core.messaging.MessagingSettings;

/**
 * {@code provider=azure-queue}, and the default on Azure for both kinds: the alias's destination is a queue of
 * Azure Queue Storage in the account the Functions host uses ({@link HostStorageAccount}, shared with
 * polyfn-storage-azure): the alias's {@code connection-string} (or {@code polyfn.messaging.azure-queue.connection-string}),
 * else {@code AzureWebJobsStorage} (a connection string; {@code UseDevelopmentStorage=true} or an explicit
 * {@code QueueEndpoint=} for Azurite, the SDK's standard endpoint override), else
 * {@code AzureWebJobsStorage__queueServiceUri} or {@code __accountName} with the app's managed identity, which then
 * needs the role Storage Queue Data Message Sender.
 *
 * <p>A topic alias is a Storage queue too. Queue Storage has no topics; Service Bus has, but it is another resource
 * to create and pay for (a namespace), its SDK is an AMQP stack of several megabytes, and it has no emulator that runs
 * without Docker, so it could not be tested here. On Azure a topic alias therefore has one reader per message, like a
 * queue; fanning it out to several subscribers needs a Service Bus provider, which polyfn does not have yet.
 *
 * <p>One client per account and encoding, made on the first alias that needs it.
 */
public final class StorageQueueMessagingProvider implements MessagingProvider, AutoCloseable {

	/**
	 * Three tries, 0.5 s then 1 s apart, 10 s each: a publish inside a function with a 30 s timeout fails in time for
	 * the queue trigger's own redelivery, instead of the SDK's default of four tries from 4 s apart.
	 */
	static final RequestRetryOptions RETRIES = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3, Duration.ofSeconds(10),
			Duration.ofMillis(500), Duration.ofSeconds(4), null);

	private final Map<String, QueueServiceClient> clients = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "azure-queue";
	}

	@Override
	public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
		return "azure".equals(cloud);
	}

	@Override
	public MessageDestination open(MessagingSettings settings) {
		HostStorageAccount account = HostStorageAccount.resolve(settings.get("connection-string"), settings::raw,
				HostStorageAccount.Service.QUEUE, "messaging '" + settings.alias() + "'",
				MessagingSettings.PREFIX + settings.alias() + ".connection-string");
		QueueMessageFormat format = QueueMessageFormat.of(settings);
		QueueServiceClient service = clients.computeIfAbsent(account.clientKey() + ":" + format, key -> {
			QueueServiceClientBuilder builder = new QueueServiceClientBuilder().httpClient(new JdkHttpClientBuilder().build())
				.retryOptions(RETRIES).messageEncoding(format.sdk);
			return (account.identityBased() ? builder.endpoint(account.endpoint()).credential(account.credential(settings.properties()))
					: builder.connectionString(account.connectionString())).buildClient();
		});
		return new StorageQueueDestination(service.getQueueClient(settings.destination()), settings.alias(), format);
	}

	@Override
	public void close() {
		clients.clear();
	}
}
