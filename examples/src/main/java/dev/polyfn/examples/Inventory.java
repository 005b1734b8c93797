package dev.polyfn.examples;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stock per SKU, reserved atomically so concurrent orders never oversell. */
public class Inventory {

	public enum Outcome {
		RESERVED, INSUFFICIENT, UNKNOWN_ITEM
	}

	public record Reservation(Outcome outcome, Integer remaining) {
	}

	private final Map<String, Integer> stock = new ConcurrentHashMap<>();

	public Inventory(Map<String, Integer> initialStock) {
		stock.putAll(initialStock);
	}

	public Reservation reserve(String sku, int quantity) {
		Outcome[] outcome = { Outcome.UNKNOWN_ITEM };
		Integer remaining = stock.computeIfPresent(sku, (key, available) -> {
			if (available >= quantity) {
				outcome[0] = Outcome.RESERVED;
				return available - quantity;
			}
			outcome[0] = Outcome.INSUFFICIENT;
			return available;
		});
		return new Reservation(outcome[0], remaining);
	}

	public Integer available(String sku) {
		return stock.get(sku);
	}
}
