package dev.polyfn.core.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * polyfn under a full Spring Boot bootstrap ({@code SpringApplication.run}, or {@code POLYFN_BOOTSTRAP=boot}):
 * the pipeline and server of {@link PolyfnBeans} on Spring Cloud Function's own auto-configured catalog.
 */
@AutoConfiguration(after = ContextFunctionCatalogAutoConfiguration.class)
@Import(PolyfnBeans.class)
public class PolyfnAutoConfiguration {
}
