package dev.polyfn.core.boot;

import java.util.List;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * The conversion service Spring Cloud Function's registry converts with, built on first use: a
 * {@link DefaultConversionService} is some 60 classes, and a function whose input the pipeline reads itself
 * (text, bytes, JSON) never needs it.
 */
final class LazyConversionService implements ConversionService {

	private final List<GenericConverter> converters;
	private volatile DefaultConversionService delegate;

	LazyConversionService(List<GenericConverter> converters) {
		this.converters = converters;
	}

	private ConversionService delegate() {
		DefaultConversionService service = delegate;
		if (service == null) {
			synchronized (this) {
				if (delegate == null) {
					DefaultConversionService created = new DefaultConversionService();
					converters.forEach(created::addConverter);
					delegate = created;
				}
				service = delegate;
			}
		}
		return service;
	}

	@Override
	public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
		return delegate().canConvert(sourceType, targetType);
	}

	@Override
	public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
		return delegate().canConvert(sourceType, targetType);
	}

	@Override
	public <T> T convert(Object source, Class<T> targetType) {
		return delegate().convert(source, targetType);
	}

	@Override
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		return delegate().convert(source, sourceType, targetType);
	}
}
