package dev.polyfn.tencent.echo;

import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** A one-function application answering with the request id and function name the cloud's context carried. */
@SpringBootApplication
public class RequestIdEchoApplication {

	@Bean
	public Function<Message<String>, String> whoCalled() {
		return message -> message.getHeaders().get("polyfn-request-id") + " " + message.getHeaders().get("polyfn-cloud");
	}
}
