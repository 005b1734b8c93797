package dev.polyfn.core.boot;

import java.lang.reflect.Type;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.BeansException;
import org.springframework.cloud.function.context.FunctionProperties;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.BeanFactoryAwareFunctionRegistry;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.messaging.converter.CompositeMessageConverter;

import dev.polyfn.core.invoke.FunctionBeans;

/**
 * Spring Cloud Function's registry, with one shortcut on the first lookup of a function: a plain
 * {@code Function}/{@code Consumer}/{@code Supplier} bean looked up by its own bean name, whose generic type the
 * bean definition already tells, is registered with that type straight away. Spring Cloud Function would
 * otherwise first match the name against the {@code @Qualifier}s of every bean in the context, which loads
 * Spring's annotation machinery and costs a cold start some 40 ms; it then registers exactly the same thing.
 * Anything else (compositions' parts that are not beans, qualifiers, POJO and Kotlin functions,
 * {@code FunctionRegistration} beans) goes Spring Cloud Function's own way.
 */
final class PolyfnFunctionRegistry extends BeanFactoryAwareFunctionRegistry {

	private GenericApplicationContext context;
	/** Names registered here; every first lookup of a name passes here before Spring Cloud Function's own. */
	private final Set<String> registered = ConcurrentHashMap.newKeySet();

	PolyfnFunctionRegistry(ConversionService conversionService, CompositeMessageConverter messageConverter,
			JsonMapper jsonMapper, FunctionProperties functionProperties) {
		super(conversionService, messageConverter, jsonMapper, functionProperties, null);
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		super.setApplicationContext(applicationContext);
		this.context = (GenericApplicationContext) applicationContext;
	}

	@Override
	public <T> T lookup(Class<?> type, String functionDefinition, String... expectedOutputMimeTypes) {
		if (functionDefinition != null && context != null) {
			for (String name : functionDefinition.split("[|,]")) {
				registerPlainBean(name.trim());
			}
		}
		return super.lookup(type, functionDefinition, expectedOutputMimeTypes);
	}

	private synchronized void registerPlainBean(String name) {
		if (registered.contains(name)) {
			return;
		}
		Type functionType = FunctionBeans.plainFunctionType(context.getDefaultListableBeanFactory(), name);
		if (functionType != null) {
			register(new FunctionRegistration<>(context.getBean(name), name).type(functionType));
			registered.add(name);
		}
	}
}
