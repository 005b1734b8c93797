package com.example.shop;

import java.util.List;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.polyfn.core.boot.PolyfnApplication;

@SpringBootApplication
public class ShopApplication {

	public record Numbers(List<Integer> numbers) {
	}

	public record Squares(List<Integer> squares) {
	}

	@Bean
	public Function<Numbers, Squares> square() {
		return in -> new Squares(in.numbers().stream().map(n -> n * n).toList());
	}

	@Bean
	public Function<String, String> shout() {
		return text -> text.toUpperCase() + "!";
	}

	public static void main(String[] args) {
		PolyfnApplication.run(ShopApplication.class, args);
	}
}
