package dev.polyfn.messaging.azure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Found by both bootstraps through the auto-configuration list: the light one takes its imported registrar. */
@AutoConfiguration
@Import(StorageQueueMessagingBeans.class)
public class StorageQueueMessagingAutoConfiguration {
}
