package com.smartengage.client;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each refusal of the server becomes its own exception: by the {@code X-Error-Code}
 * header when there is one, else by the status and the contract's sentences.
 */
class ErrorAnswersTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void theContractsSentencesNameTheirCasesWithoutACode() {
		assertThat(map(404, "No record with session_id: s-1")).isExactlyInstanceOf(SessionNotFoundException.class);
		assertThat(map(400, "Invalid session_id s-1")).isExactlyInstanceOf(SessionNotFoundException.class);
		assertThat(map(400, "Action already completed for session_id: s-1"))
			.isExactlyInstanceOf(ActionAlreadyCompletedException.class);
		assertThat(map(401, "API-KEY is invalid")).isExactlyInstanceOf(InvalidApiKeyException.class);
		assertThat(map(429, "Too many requests")).isExactlyInstanceOf(RateLimitedException.class);
		assertThat(map(500, "Internal error occured, please check with our team"))
			.isExactlyInstanceOf(ServerErrorException.class);
		assertThat(map(503, "busy")).isExactlyInstanceOf(ServerErrorException.class);
		assertThat(map(400, "A coupon was already issued for session_id s-1"))
			.isExactlyInstanceOf(BadRequestException.class);
		assertThat(map(404, "No endpoint POST /smart-engage/post/nope"))
			.isExactlyInstanceOf(SmartEngageException.class);
		assertThat(map(413, "Request body too large")).isExactlyInstanceOf(SmartEngageException.class);
	}

	@Test
	void theErrorCodeNamesTheCaseAndIsShownWithTheRequestId() {
		SmartEngageException issued = map(400, "A coupon was already issued for session_id s-1",
				Map.of("X-Error-Code", "coupon_already_issued", "X-Request-Id", "req-42"));

		assertThat(issued).isExactlyInstanceOf(BadRequestException.class);
		assertThat(issued.errorCode()).contains(ErrorCodes.COUPON_ALREADY_ISSUED);
		assertThat(issued.requestId()).contains("req-42");
		assertThat(issued.errorMessage()).isEqualTo("A coupon was already issued for session_id s-1");
		assertThat(issued).hasMessage(
				"A coupon was already issued for session_id s-1 (HTTP 400, code coupon_already_issued, request id req-42)");
	}

	@Test
	void eachKnownCodeGivesItsException() {
		assertThat(coded(400, ErrorCodes.SESSION_NOT_FOUND)).isExactlyInstanceOf(SessionNotFoundException.class);
		assertThat(coded(404, ErrorCodes.SESSION_NOT_FOUND)).isExactlyInstanceOf(SessionNotFoundException.class);
		assertThat(coded(400, ErrorCodes.ACTION_ALREADY_COMPLETED))
			.isExactlyInstanceOf(ActionAlreadyCompletedException.class);
		assertThat(coded(401, ErrorCodes.INVALID_API_KEY)).isExactlyInstanceOf(InvalidApiKeyException.class);
		assertThat(coded(429, ErrorCodes.RATE_LIMITED)).isExactlyInstanceOf(RateLimitedException.class);
		assertThat(coded(500, ErrorCodes.SERVER_ERROR)).isExactlyInstanceOf(ServerErrorException.class);
		assertThat(coded(400, ErrorCodes.POOL_EMPTY)).isExactlyInstanceOf(BadRequestException.class);
		assertThat(coded(400, ErrorCodes.STEP_NOT_REACHED)).isExactlyInstanceOf(BadRequestException.class);
		assertThat(coded(400, "a_code_from_the_future")).isExactlyInstanceOf(BadRequestException.class);
		assertThat(coded(404, "route_not_found")).isExactlyInstanceOf(SmartEngageException.class);
	}

	@Test
	void aCodeWinsOverTheSentence() {
		assertThat(map(400, "Invalid session_id s-1", Map.of("X-Error-Code", "validation_failed")))
			.isExactlyInstanceOf(BadRequestException.class);
	}

	@Test
	void aRateLimitCarriesItsRetryAfterInSecondsOrAsADate() {
		assertThat(((RateLimitedException) map(429, "slow down", Map.of("Retry-After", "7"))).retryAfter())
			.contains(Duration.ofSeconds(7));
		assertThat(
				((RateLimitedException) map(429, "slow down", Map.of("Retry-After", "Mon, 30 Nov 2026 10:01:30 GMT")))
					.retryAfter())
			.contains(Duration.ofSeconds(90));
		assertThat(((RateLimitedException) map(429, "slow down", Map.of("Retry-After", "soon"))).retryAfter())
			.isEmpty();
		assertThat(((RateLimitedException) map(429, "slow down")).retryAfter()).isEmpty();
	}

	@Test
	void aBodyThatIsNotTheContractsIsShownAsText() {
		SmartEngageException gateway = ErrorAnswers.from(502, headers(Map.of()),
				("<html>" + "x".repeat(500) + "</html>").getBytes(StandardCharsets.UTF_8), CLOCK);
		assertThat(gateway).isExactlyInstanceOf(ServerErrorException.class);
		assertThat(gateway.errorMessage()).startsWith("<html>xxx").endsWith("...").hasSize(203);
		assertThat(ErrorAnswers.from(503, headers(Map.of()), new byte[0], CLOCK).errorMessage())
			.isEqualTo("HTTP 503 without a body");
		assertThat(ErrorAnswers.from(400, headers(Map.of()), "{\"error\": 1}".getBytes(StandardCharsets.UTF_8), CLOCK)
			.errorMessage()).isEqualTo("{\"error\": 1}");
	}

	private static SmartEngageException coded(int status, String code) {
		return map(status, "whatever the server says", Map.of("X-Error-Code", code));
	}

	private static SmartEngageException map(int status, String errorMessage) {
		return map(status, errorMessage, Map.of());
	}

	private static SmartEngageException map(int status, String errorMessage, Map<String, String> headers) {
		byte[] body = JsonFields.JSON.createObjectNode().put("error_msg", errorMessage).toString().getBytes();
		return ErrorAnswers.from(status, headers(headers), body, CLOCK);
	}

	private static HttpHeaders headers(Map<String, String> headers) {
		Map<String, List<String>> lists = new HashMap<>();
		headers.forEach((name, value) -> lists.put(name, List.of(value)));
		return HttpHeaders.of(lists, (name, value) -> true);
	}

}
