package dev.polyfn.aliyun;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

import dev.polyfn.core.boot.PolyfnAutoConfiguration;

/** FC's endpoints ({@link AliyunBeans}) under the full Spring Boot bootstrap; the light one imports them directly. */
@AutoConfiguration(after = PolyfnAutoConfiguration.class)
@Import(AliyunBeans.class)
public class AliyunAutoConfiguration {
}
