package dev.polyfn.core.json;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * Numbers that cannot mean what they say are refused, not rounded: {@code 1e309} read as a {@code double} is
 * Infinity (and {@code 1e39} as a {@code float}), which a function would then compute with and print; a
 * {@code BigDecimal} of {@code 1e2147483647} fails the first multiplication with an {@code ArithmeticException}.
 * Jackson's own number deserializers, with the range checked after.
 */
final class StrictNumbers {

	private StrictNumbers() {
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("polyfn-strict-numbers");
		module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
		module.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0));
		module.addDeserializer(Float.class, new FiniteFloat(Float.class, null));
		module.addDeserializer(Float.TYPE, new FiniteFloat(Float.TYPE, 0.0f));
		module.addDeserializer(BigDecimal.class, new BoundedDecimal());
		return module;
	}

	private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

		FiniteDouble(Class<Double> type, Double nullValue) {
			super(type, nullValue);
		}

		@Override
		public Double deserialize(JsonParser p, DeserializationContext ctxt) {
			Double value = super.deserialize(p, ctxt);
			if (value != null && !Double.isFinite(value)) {
				return (Double) ctxt.handleWeirdNumberValue(handledType(), value, "not a finite number");
			}
			return value;
		}
	}

	private static final class FiniteFloat extends NumberDeserializers.FloatDeserializer {

		FiniteFloat(Class<Float> type, Float nullValue) {
			super(type, nullValue);
		}

		@Override
		public Float deserialize(JsonParser p, DeserializationContext ctxt) {
			Float value = super.deserialize(p, ctxt);
			if (value != null && !Float.isFinite(value)) {
				return (Float) ctxt.handleWeirdNumberValue(handledType(), value, "not a finite number");
			}
			return value;
		}
	}

	private static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

		@Override
		public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
			BigDecimal value = super.deserialize(p, ctxt);
			if (value != null && Math.abs((long) value.scale()) > JsonLimits.MAX_DECIMAL_EXPONENT) {
				return (BigDecimal) ctxt.handleWeirdNumberValue(BigDecimal.class, value,
						"exponent beyond " + JsonLimits.MAX_DECIMAL_EXPONENT);
			}
			return value;
		}
	}
}
