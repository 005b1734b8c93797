package dev.polyfn.examples;

import java.util.function.Function;

import dev.polyfn.core.FunctionStatusException;

/**
 * An order message → stock check and confirmation. Too little stock or an unknown item is a business answer
 * (REJECTED), not a failure; an order that is not an order (no id, no item, quantity below 1) is a failure, so
 * a queue retries it and finally parks it in its dead-letter queue.
 */
public class OrderFunction implements Function<OrderFunction.Order, OrderFunction.OrderResult> {

	public record Order(String orderId, String sku, Integer quantity) {
	}

	public record OrderResult(String orderId, String status, String sku, int quantity, Integer remainingStock,
			String reason) {
	}

	private final Inventory inventory;

	public OrderFunction(Inventory inventory) {
		this.inventory = inventory;
	}

	@Override
	public OrderResult apply(Order order) {
		if (order.orderId() == null || order.orderId().isBlank() || order.sku() == null || order.sku().isBlank()
				|| order.quantity() == null || order.quantity() < 1) {
			throw new FunctionStatusException(422, "An order needs 'orderId', 'sku' and a 'quantity' of at least 1");
		}
		Inventory.Reservation reservation = inventory.reserve(order.sku(), order.quantity());
		return switch (reservation.outcome()) {
			case RESERVED -> new OrderResult(order.orderId(), "CONFIRMED", order.sku(), order.quantity(),
					reservation.remaining(), null);
			case INSUFFICIENT -> new OrderResult(order.orderId(), "REJECTED", order.sku(), order.quantity(),
					reservation.remaining(), "insufficient stock");
			case UNKNOWN_ITEM -> new OrderResult(order.orderId(), "REJECTED", order.sku(), order.quantity(), null,
					"unknown item");
		};
	}
}
