package dev.polyfn.core.invoke;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.cloud.function.context.config.FunctionContextUtils;

/**
 * The application's function beans, read from the bean factory: their names as Spring Cloud Function's catalog
 * lists them, and the plain ones ({@code Function}, {@code Consumer} or {@code Supplier} beans of a known generic
 * type, neither reactive nor Kotlin) resolved for a direct call. Everything else (compositions, routing, POJO,
 * Kotlin and reactive functions, {@code FunctionRegistration} beans) goes through the catalog.
 *
 * <p>Why: Spring Cloud Function's catalog needs a {@code JsonMapper}, whose class builds a Jackson mapper when
 * it loads, several hundred classes that a text function never uses; on this path a cold start builds no mapper
 * until a function reads or writes JSON. The call itself was already direct for these functions (see
 * {@code FunctionInvoker}), so the behaviour is the same either way.
 */
public final class FunctionBeans implements BeanFactoryAware {

	private static final Class<?>[] FUNCTIONAL_TYPES = { Function.class, Supplier.class, Consumer.class,
			BiFunction.class, BiConsumer.class, FunctionRegistration.class };

	private ConfigurableListableBeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	/** The names of function beans, as the catalog lists them (without registrations made in code). */
	Set<String> names() {
		Set<String> names = new LinkedHashSet<>();
		for (Class<?> type : FUNCTIONAL_TYPES) {
			names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(type)));
		}
		return names;
	}

	/** The bean as a directly callable function, or null when it needs the catalog. */
	ResolvedFunction resolve(String name) {
		Type functionType = beanFactory == null ? null : plainFunctionType(beanFactory, name);
		if (functionType == null) {
			return null;
		}
		Type input = FunctionTypeUtils.isSupplier(functionType) ? null : FunctionTypeUtils.getInputType(functionType);
		Type output = FunctionTypeUtils.isConsumer(functionType) ? null : FunctionTypeUtils.getOutputType(functionType);
		if ((input != null && FunctionTypeUtils.isPublisher(input)) || (output != null && FunctionTypeUtils.isPublisher(output))) {
			return null;
		}
		return ResolvedFunction.direct(name, beanFactory.getBean(name), input, output);
	}

	/**
	 * The generic type of a plain function bean (a {@code Function}, {@code Consumer} or {@code Supplier} of the
	 * application's, neither Kotlin nor Spring's own, not a {@code FunctionRegistration}) as its bean definition
	 * tells it; null for anything Spring Cloud Function's catalog must work out itself.
	 */
	public static Type plainFunctionType(ConfigurableListableBeanFactory beanFactory, String name) {
		if (name.isEmpty() || !beanFactory.containsBeanDefinition(name)
				|| beanFactory.containsBean(name + FunctionRegistration.REGISTRATION_NAME_SUFFIX)) {
			return null;
		}
		Class<?> beanType = beanFactory.getType(name, false);
		if (beanType == null || beanType.getName().startsWith("kotlin.") || beanType.getName().startsWith("org.springframework.")
				|| !(Function.class.isAssignableFrom(beanType) || Consumer.class.isAssignableFrom(beanType)
						|| Supplier.class.isAssignableFrom(beanType))) {
			return null;
		}
		Type functionType = FunctionContextUtils.findType(beanFactory, name);
		return functionType instanceof ParameterizedType ? functionType : null;
	}
}
