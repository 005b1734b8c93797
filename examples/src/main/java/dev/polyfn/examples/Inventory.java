package dev.polyfn.examples;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stock per SKU, reserved atomically so concurrent orders never oversell, and once per order id: a queue delivers
 * an order again when its function failed after reserving (its result could not be published), and the second
 * delivery must find the first reservation rather than take the stock twice.
 */
public class Inventory {

	/** How many order ids are remembered; a redelivery comes within minutes, so the newest suffice. */
	static final int REMEMBERED_ORDERS = 10_000;

	public enum Outcome {
		RESERVED, INSUFFICIENT, UNKNOWN_ITEM
	}

	public record Reservation(Outcome outcome, Integer remaining) {
	}

	private final Map<String, Integer> stock = new ConcurrentHashMap<>();
	private final Map<String, Reservation> byOrder = java.util.Collections.synchronizedMap(
			new java.util.LinkedHashMap<>(16, 0.75f, false) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Reservation> eldest) {
					return size() > REMEMBERED_ORDERS;
				}
			});

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

	/** The order's reservation: made on its first call, the same answer on every later call for that order id. */
	public Reservation reserveOnce(String orderId, String sku, int quantity) {
		synchronized (byOrder) {
			return byOrder.computeIfAbsent(orderId, id -> reserve(sku, quantity));
		}
	}

	public Integer available(String sku) {
		return stock.get(sku);
	}
}
