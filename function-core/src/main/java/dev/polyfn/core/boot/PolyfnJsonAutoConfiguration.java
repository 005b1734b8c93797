package dev.polyfn.core.boot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.json.PolyfnJson;
import dev.polyfn.core.json.PolyfnJsonMapper;
import tools.jackson.databind.ObjectMapper;

/**
 * Under the full Spring Boot bootstrap, Spring Cloud Function's catalog uses polyfn's JSON mapper (one mapper
 * per process, readers cached per type) unless the application defines a {@code JsonMapper} itself. Spring
 * Cloud Function's own would build a second mapper, with the Joda-Time module.
 */
@AutoConfiguration(before = ContextFunctionCatalogAutoConfiguration.class)
public class PolyfnJsonAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(JsonMapper.class)
	public JsonMapper polyfnJsonMapper(ObjectProvider<ObjectMapper> objectMapper) {
		return new PolyfnJsonMapper(PolyfnJson.mapperFor(objectMapper.getIfUnique()));
	}
}
