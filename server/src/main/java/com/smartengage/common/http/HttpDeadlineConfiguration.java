package com.smartengage.common.http;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link DeadlineProtocol} in the place of Tomcat's HTTP/1.1 connector, with the
 * deadlines of {@link HttpDeadlineProperties}.
 */
@Configuration(proxyBeanMethods = false)
class HttpDeadlineConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpDeadlines(HttpDeadlineProperties properties) {
		return (factory) -> {
			factory.setProtocol(DeadlineProtocol.class.getName());
			factory.addConnectorCustomizers((connector) -> {
				if (connector.getProtocolHandler() instanceof DeadlineProtocol protocol) {
					protocol.setDeadlines(properties);
				}
			});
		};
	}

}
