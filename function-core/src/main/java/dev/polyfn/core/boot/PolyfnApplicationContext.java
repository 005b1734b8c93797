package dev.polyfn.core.boot;

import java.io.IOException;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The light bootstrap's context: a {@link GenericApplicationContext} that skips two start-up costs meant for
 * long-running applications. Its resource pattern resolver (which lists the JDK's modules when it loads) is made
 * on the first pattern lookup, which ahead-of-time bean definitions never make; and the reflection and
 * annotation caches are not cleared after the refresh (clearing them loads classes only to empty them, and the
 * first invocation fills them again).
 */
final class PolyfnApplicationContext extends GenericApplicationContext {

	@Override
	protected ResourcePatternResolver getResourcePatternResolver() {
		return new OnDemandPatternResolver(this);
	}

	@Override
	protected void resetCommonCaches() {
		// Kept: see the class comment.
	}

	private static final class OnDemandPatternResolver implements ResourcePatternResolver {

		private final GenericApplicationContext context;
		private volatile ResourcePatternResolver delegate;

		OnDemandPatternResolver(GenericApplicationContext context) {
			this.context = context;
		}

		private ResourcePatternResolver delegate() {
			ResourcePatternResolver resolver = delegate;
			if (resolver == null) {
				resolver = new PathMatchingResourcePatternResolver(context);
				delegate = resolver;
			}
			return resolver;
		}

		@Override
		public Resource[] getResources(String locationPattern) throws IOException {
			return delegate().getResources(locationPattern);
		}

		@Override
		public Resource getResource(String location) {
			return context.getResource(location);
		}

		@Override
		public ClassLoader getClassLoader() {
			return context.getClassLoader();
		}
	}
}
