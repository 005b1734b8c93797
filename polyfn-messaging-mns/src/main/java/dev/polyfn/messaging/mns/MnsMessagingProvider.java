package dev.polyfn.messaging.mns;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.polyfn.core.messaging.MessageDestination;
import dev.polyfn.core.messaging.MessagingProvider;
import dev.polyfn.core.messaging.MessagingSettings;

/**
 * {@code provider=mns}, the default on Alibaba Cloud for queues and topics alike: MNS, now Simple Message Queue (SMQ).
 * It finds what FC hands a function ("Configure environment variables",
 * https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables, read 2026-12-06): the role's STS
 * credentials in {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET} and
 * {@code ALIBABA_CLOUD_SECURITY_TOKEN} (read at each request), the account in {@code FC_ACCOUNT_ID} and the region in
 * {@code FC_REGION}. The endpoint is the region's public one, {@code https://<account>.mns.<region>.aliyuncs.com}
 * ("Regions and endpoints", https://www.alibabacloud.com/help/doc-detail/175569.htm, read 2026-12-06): the internal
 * endpoint {@code <account>.mns.<region>-internal.aliyuncs.com} is plain HTTP only, and a function's STS token is
 * better sent over TLS. Settings of the alias (or {@code polyfn.messaging.mns.*} for all):
 * <ul>
 * <li>{@code endpoint}: instead of the region's (the internal endpoint, a local test server;
 * {@code POLYFN_MESSAGING_MNS_ENDPOINT});</li>
 * <li>{@code account-id}, {@code region}: instead of {@code FC_ACCOUNT_ID}, {@code FC_REGION};</li>
 * <li>{@code base64}: whether bodies are sent base64-encoded (default: queues yes, topics no; see
 * {@link MnsDestination});</li>
 * <li>{@code tag-attribute}: the attribute whose value is a topic message's MessageTag.</li>
 * </ul>
 * One HTTP client per endpoint, made on the first alias that needs it.
 */
public final class MnsMessagingProvider implements MessagingProvider {

	private final Map<URI, MnsClient> clients = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "mns";
	}

	@Override
	public boolean isDefaultFor(String cloud, MessagingSettings.Kind kind) {
		return "aliyun".equals(cloud);
	}

	@Override
	public MessageDestination open(MessagingSettings settings) {
		URI endpoint = URI.create(endpoint(settings));
		MnsClient client = clients.computeIfAbsent(endpoint, uri -> new MnsClient(uri, () -> credentials(settings)));
		boolean base64 = Boolean.parseBoolean(settings.get("base64", String.valueOf(settings.kind() == MessagingSettings.Kind.QUEUE)));
		return new MnsDestination(settings.alias(), settings.destination(), settings.kind(), client, base64, settings.get("tag-attribute"));
	}

	static String endpoint(MessagingSettings settings) {
		String configured = settings.get("endpoint");
		if (configured != null) {
			return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
		}
		String account = settings.get("account-id", settings.raw("FC_ACCOUNT_ID"));
		String region = settings.get("region", settings.raw("FC_REGION"));
		if (account == null || region == null) {
			throw new IllegalStateException("MNS destination '" + settings.alias() + "' needs the account and region of its endpoint: "
					+ "FC sets FC_ACCOUNT_ID and FC_REGION; elsewhere set " + MessagingSettings.PREFIX + "mns.account-id and "
					+ MessagingSettings.PREFIX + "mns.region, or " + MessagingSettings.PREFIX + "mns.endpoint");
		}
		return "https://" + account + ".mns." + region + ".aliyuncs.com";
	}

	private static MnsCredentials credentials(MessagingSettings settings) {
		String id = settings.raw("ALIBABA_CLOUD_ACCESS_KEY_ID");
		String secret = settings.raw("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
		if (id == null || secret == null) {
			throw new IllegalStateException("MNS destination '" + settings.alias() + "' has no credentials: FC sets "
					+ "ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN when the "
					+ "function has a role");
		}
		return new MnsCredentials(id, secret, settings.raw("ALIBABA_CLOUD_SECURITY_TOKEN"));
	}
}
