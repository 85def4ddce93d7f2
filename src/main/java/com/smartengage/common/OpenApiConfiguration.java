package com.smartengage.common;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;

import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the two ways of authenticating. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Smart Engage server", version = "1",
		description = "Partner API (API-KEY header) and admin API (Authorization: Bearer <admin token>)."))
@SecuritySchemes({
		@SecurityScheme(name = "API-KEY", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
				paramName = "API-KEY"),
		@SecurityScheme(name = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer") })
class OpenApiConfiguration {

}
