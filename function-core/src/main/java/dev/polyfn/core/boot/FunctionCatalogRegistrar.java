package dev.polyfn.core.boot;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.FunctionProperties;
import org.springframework.cloud.function.context.config.JsonMessageConverter;
import org.springframework.cloud.function.context.config.RoutingFunction;
import org.springframework.cloud.function.context.config.SmartCompositeMessageConverter;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.util.MimeType;

import dev.polyfn.core.json.PolyfnJson;
import dev.polyfn.core.json.PolyfnJsonMapper;
import tools.jackson.databind.ObjectMapper;

/**
 * Spring Cloud Function's catalog for the light bootstrap, registered directly rather than through
 * {@code ContextFunctionCatalogAutoConfiguration}: the same {@code BeanFactoryAwareFunctionRegistry} (lookup,
 * composition, type conversion) with the same message converters, but without that configuration's condition
 * evaluation, its property binding and its Joda-Time module. An application's own {@code MessageConverter},
 * {@code GenericConverter}, {@code JsonMapper} or Jackson {@code ObjectMapper} beans are used as Spring Cloud
 * Function uses them.
 */
final class FunctionCatalogRegistrar implements BeanRegistrar {

	@Override
	public void register(BeanRegistry registry, Environment env) {
		// All lazy: the pipeline asks for them only when a function is not a plain bean or reads/writes JSON.
		registry.registerBean("polyfnJsonMapper", JsonMapper.class, spec -> spec.infrastructure().fallback().lazyInit()
			.supplier(beans -> new PolyfnJsonMapper(
					PolyfnJson.mapperFor(beans.beanProvider(ObjectMapper.class).getIfUnique()))));
		registry.registerBean("functionProperties", FunctionProperties.class,
				spec -> spec.infrastructure().lazyInit().supplier(beans -> functionProperties(env)));
		registry.registerBean("functionCatalog", FunctionCatalog.class, spec -> spec.infrastructure().lazyInit().supplier(beans -> catalog(
				beans.bean(JsonMapper.class), beans.bean(FunctionProperties.class),
				beans.beanProvider(MessageConverter.class).orderedStream().toList(),
				beans.beanProvider(GenericConverter.class).orderedStream().toList())));
		// Only made when asked for (spring.cloud.function.definition=functionRouter): SpEL is not loaded otherwise.
		registry.registerBean(RoutingFunction.FUNCTION_NAME, RoutingFunction.class, spec -> spec.infrastructure().lazyInit()
			.supplier(beans -> new RoutingFunction(beans.bean(FunctionCatalog.class),
					beans.bean(FunctionProperties.class),
					new BeanFactoryResolver(beans.bean(org.springframework.beans.factory.BeanFactory.class)),
					beans.beanProvider(org.springframework.cloud.function.context.MessageRoutingCallback.class)
						.getIfAvailable())));
	}

	private static FunctionCatalog catalog(JsonMapper jsonMapper, FunctionProperties properties,
			List<MessageConverter> userConverters, List<GenericConverter> converters) {
		LazyConversionService conversion = new LazyConversionService(converters);
		List<MessageConverter> messageConverters = new ArrayList<>();
		for (MessageConverter converter : userConverters) {
			if (converter instanceof CompositeMessageConverter composite) {
				composite.getConverters().stream().filter(FunctionCatalogRegistrar::eligible).forEach(messageConverters::add);
			}
			else if (eligible(converter)) {
				messageConverters.add(converter);
			}
		}
		messageConverters.add(new JsonMessageConverter(jsonMapper));
		messageConverters.add(new ByteArrayMessageConverter());
		StringMessageConverter text = new StringMessageConverter();
		text.setSerializedPayloadClass(String.class);
		// As Spring Cloud Function configures it: any text/* content type converts as text/plain.
		text.setContentTypeResolver(headers -> {
			Object type = headers.get("contentType");
			if (type == null) {
				return null;
			}
			return type.toString().startsWith("text") ? MimeType.valueOf("text/plain") : MimeType.valueOf(type.toString());
		});
		messageConverters.add(text);
		SmartCompositeMessageConverter composite = new SmartCompositeMessageConverter(messageConverters, List::of);
		return new PolyfnFunctionRegistry(conversion, composite, jsonMapper, properties);
	}

	/** Spring Cloud Function's rule: Spring's own converters are replaced by its own, others are kept. */
	private static boolean eligible(MessageConverter converter) {
		String name = converter.getClass().getName();
		return name.startsWith("org.springframework.cloud.") || !name.startsWith("org.springframework.");
	}

	/**
	 * {@code spring.cloud.function.*}: just the definition in the common case, bound with Spring Boot's binder
	 * only when anything else of that prefix is set (per-function configuration, routing expression...).
	 */
	static FunctionProperties functionProperties(Environment env) {
		FunctionProperties properties = new FunctionProperties();
		if (env instanceof ConfigurableEnvironment configurable && hasMoreThanDefinition(configurable)) {
			Binder.get(configurable).bind(FunctionProperties.PREFIX, Bindable.ofInstance(properties));
		}
		properties.setDefinition(env.getProperty(FunctionProperties.FUNCTION_DEFINITION));
		properties.setEnvironment(env);
		return properties;
	}

	private static boolean hasMoreThanDefinition(ConfigurableEnvironment env) {
		for (var source : env.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					String relaxed = name.toLowerCase(java.util.Locale.ROOT).replace('_', '.').replace('-', '.');
					if (relaxed.startsWith("spring.cloud.function.") && !relaxed.equals("spring.cloud.function.definition")) {
						return true;
					}
				}
			}
		}
		return false;
	}
}
