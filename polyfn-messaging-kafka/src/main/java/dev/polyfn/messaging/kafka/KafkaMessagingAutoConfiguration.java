package dev.polyfn.messaging.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Found by both bootstraps through the auto-configuration list: the light one takes its imported registrar. */
@AutoConfiguration
@Import(KafkaMessagingBeans.class)
public class KafkaMessagingAutoConfiguration {
}
