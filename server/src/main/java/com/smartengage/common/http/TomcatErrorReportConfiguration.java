package com.smartengage.common.http;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import com.smartengage.common.web.MessagePages;

/**
 * Puts {@link ApiErrorReportValve} in the place of Tomcat's own error report valve, so
 * that requests Tomcat refuses itself still answer in JSON on the APIs.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReportConfiguration {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve(ObjectProvider<MessagePages> pages) {
		// Runs after Boot's own customizer, which adds a plain ErrorReportValve to the
		// host.
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (!(context.getParent() instanceof StandardHost host)) {
				return;
			}
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ApiErrorReportValve(pages::getObject));
			// So that the host, when it starts, finds this valve and adds no default one
			// of its own.
			host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
		});
	}

}
