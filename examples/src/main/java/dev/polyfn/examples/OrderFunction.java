package dev.polyfn.examples;

import java.util.function.Function;

import dev.polyfn.core.FunctionStatusException;
import dev.polyfn.core.messaging.Message;
import dev.polyfn.core.messaging.MessageDestinations;

/**
 * An order message → stock check and confirmation, published to the messaging alias {@value #RESULTS} and answered.
 * Too little stock or an unknown item is a business answer (REJECTED), not a failure; an order that is not an order
 * (no id, no item, quantity below 1) is a failure, so a queue retries it and finally parks it in its dead-letter
 * queue. A result that cannot be published fails the order too, so the queue delivers it again; the stock is
 * reserved once per order id, so the second delivery publishes the same result.
 */
public class OrderFunction implements Function<OrderFunction.Order, OrderFunction.OrderResult> {

	public record Order(String orderId, String sku, Integer quantity) {
	}

	public record OrderResult(String orderId, String status, String sku, int quantity, Integer remainingStock,
			String reason) {
	}

	/** The messaging alias the results go to. */
	public static final String RESULTS = "order-results";

	private final Inventory inventory;
	private final MessageDestinations messaging;

	public OrderFunction(Inventory inventory, MessageDestinations messaging) {
		this.inventory = inventory;
		this.messaging = messaging;
	}

	@Override
	public OrderResult apply(Order order) {
		if (order.orderId() == null || order.orderId().isBlank() || order.sku() == null || order.sku().isBlank()
				|| order.quantity() == null || order.quantity() < 1) {
			throw new FunctionStatusException(422, "An order needs 'orderId', 'sku' and a 'quantity' of at least 1");
		}
		OrderResult result = decide(order, inventory.reserveOnce(order.orderId(), order.sku(), order.quantity()));
		messaging.destination(RESULTS).publish(Message.json(result).withAttribute("type", "order-result")
			.withAttribute("status", result.status()));
		return result;
	}

	private static OrderResult decide(Order order, Inventory.Reservation reservation) {
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
