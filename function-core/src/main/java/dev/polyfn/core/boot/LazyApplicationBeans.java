package dev.polyfn.core.boot;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;

/**
 * Lazy initialization of the application's beans, as {@code spring.main.lazy-initialization=true} does under
 * Spring Boot, which the light bootstrap makes the default: a package deploys every function of the application
 * but one instance runs one of them, so only that function and what it depends on are created (at start-up,
 * when the pipeline checks the configured function). {@code spring.main.lazy-initialization=false} creates
 * every bean at start-up again. Beans that must run without being asked for (lifecycle beans, smart
 * initializing singletons) and those that say {@code @Lazy(false)} stay eager.
 */
final class LazyApplicationBeans implements BeanFactoryPostProcessor {

	static final String SETTING = "spring.main.lazy-initialization";

	static boolean enabled(Environment env) {
		return !"false".equalsIgnoreCase(env.getProperty(SETTING, "true").trim());
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition.getRole() != BeanDefinition.ROLE_APPLICATION
					|| !(definition instanceof AbstractBeanDefinition bean) || bean.getLazyInit() != null) {
				continue;
			}
			Class<?> type = beanFactory.getType(name, false);
			if (type != null && (Lifecycle.class.isAssignableFrom(type)
					|| SmartInitializingSingleton.class.isAssignableFrom(type))) {
				continue;
			}
			definition.setLazyInit(true);
		}
	}
}
