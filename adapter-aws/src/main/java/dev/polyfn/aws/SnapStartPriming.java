package dev.polyfn.aws;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.LoggerFactory;

import dev.polyfn.core.events.JsonEvents;
import dev.polyfn.core.model.RandomIds;

/**
 * Lambda SnapStart's runtime hooks. Before the snapshot, the event mapping of the handler's shape runs once on
 * a synthetic event (JSON read and written, a response mapped) so its classes are loaded and initialised in the
 * snapshot rather than on the first invocation after each restore; the function itself is not called, since
 * it may have side effects. After a restore, the id generator is reseeded, so that sandboxes restored from the
 * same snapshot do not make the same ids. Without SnapStart (or CRaC) neither hook ever runs.
 */
final class SnapStartPriming implements Resource {

	private final LambdaShape shape;

	private SnapStartPriming(LambdaShape shape) {
		this.shape = shape;
	}

	/** Registers the hooks; the caller keeps the returned object (CRaC holds resources weakly). */
	static SnapStartPriming register(LambdaShape shape) {
		SnapStartPriming priming = new SnapStartPriming(shape);
		Core.getGlobalContext().register(priming);
		return priming;
	}

	@Override
	public void beforeCheckpoint(Context<? extends Resource> context) {
		try {
			JsonEvents.toBytes(JsonEvents.parse("{\"primed\":[true,1,\"polyfn\"]}".getBytes()));
			shape.prime();
		}
		catch (RuntimeException notPrimed) {
			// A snapshot without priming is only slower on its first call; never fail the publication for it.
			LoggerFactory.getLogger(SnapStartPriming.class).warn("SnapStart priming of {} skipped: {}", shape.name(),
					notPrimed.toString());
		}
	}

	@Override
	public void afterRestore(Context<? extends Resource> context) {
		RandomIds.reseed();
	}
}
