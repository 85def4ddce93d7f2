package com.smartengage.common.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, the two ways of authenticating, and the rate limits' 429
 * answer on every operation they apply to.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Smart Engage server", version = "1",
		description = "Partner API (`API-KEY` header) and admin API (`Authorization: Bearer` and the admin token). "
				+ "Every answer carries `X-Request-Id`; every error answer an `X-Error-Code`."))
@SecuritySchemes({
		@SecurityScheme(name = "API-KEY", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
				paramName = "API-KEY"),
		@SecurityScheme(name = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer") })
class OpenApiConfiguration {

	/**
	 * The request id on every answer, and the error code on every error answer (4xx and
	 * 5xx), as {@link RequestIdFilter} and {@link ErrorCodes} send them.
	 */
	@Bean
	OpenApiCustomizer requestIdAndErrorCodeHeaders() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths()
				.values()
				.forEach((item) -> item.readOperations()
					.forEach((operation) -> operation.getResponses().forEach((status, response) -> {
						response.addHeaderObject(RequestIdFilter.HEADER, new Header()
							.description("This request's id: the client's when it sent a plain one, else a new one; "
									+ "the server's log lines for the request name it")
							.schema(new StringSchema()));
						if (status.startsWith("4") || status.startsWith("5")) {
							response.addHeaderObject(ErrorCodes.HEADER,
									new Header()
										.description("The error's stable code, e.g. session_not_found, pool_empty, "
												+ "coupon_already_issued, invalid_api_key, rate_limited, server_error")
										.schema(new StringSchema()));
						}
					})));
		};
	}

	@Bean
	OpenApiCustomizer rateLimitAnswers() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> {
				String description;
				Content content;
				if (path.startsWith(ApiPaths.PARTNER_PREFIX)) {
					description = "Too many requests with this API key (a per-key rate limit)";
					content = json();
				}
				else if (path.startsWith(ApiPaths.ADMIN_PREFIX)) {
					description = "Too many failed admin logins from this client address";
					content = json();
				}
				else if (path.startsWith("/s/")) {
					description = "Too many scans from this client address: a friendly page";
					content = new Content().addMediaType("text/html", new MediaType().schema(new StringSchema()));
				}
				else {
					return;
				}
				for (Operation operation : item.readOperations()) {
					operation.getResponses()
						.addApiResponse("429", new ApiResponse().description(description)
							.content(content)
							.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
								.schema(new IntegerSchema())));
				}
			});
		};
	}

	private static Content json() {
		return new Content().addMediaType("application/json",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorBody")));
	}

}
