package dev.polyfn.examples;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import dev.polyfn.core.FunctionStatusException;

/** {@code {"numbers":[2,3,4]}} → {@code {"squares":[4,9,16]}}; anything that is not a number is the caller's error. */
public class SquareFunction implements Function<SquareFunction.Numbers, SquareFunction.Squares> {

	public record Numbers(List<BigDecimal> numbers) {
	}

	public record Squares(List<BigDecimal> squares) {
	}

	@Override
	public Squares apply(Numbers input) {
		if (input.numbers() == null) {
			throw new FunctionStatusException(400, "'numbers' is required, e.g. {\"numbers\":[2,3,4]}");
		}
		if (input.numbers().stream().anyMatch(java.util.Objects::isNull)) {
			throw new FunctionStatusException(400, "'numbers' must hold numbers only");
		}
		try {
			return new Squares(input.numbers().stream().map(n -> n.multiply(n)).toList());
		}
		catch (ArithmeticException tooLarge) {
			// Only reachable with polyfn.json.strict=false: strict JSON refuses such exponents on reading.
			throw new FunctionStatusException(400, "A number is too large to square");
		}
	}
}
