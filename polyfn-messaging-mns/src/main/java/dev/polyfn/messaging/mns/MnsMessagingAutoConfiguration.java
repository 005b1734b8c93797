package dev.polyfn.messaging.mns;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Found by both bootstraps through the auto-configuration list: the light one takes its imported registrar. */
@AutoConfiguration
@Import(MnsMessagingBeans.class)
public class MnsMessagingAutoConfiguration {
}
