package com.smartengage.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.smartengage.client.support.Admin;
import com.smartengage.client.support.LossyProxy;
import com.smartengage.client.support.RealServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A POST whose answer is lost on the way back, after the server acted on it: the client
 * retries under the same {@code Idempotency-Key} and gets the server's first answer
 * again, where a plain repeat would be refused ("already issued", "already completed").
 */
class IdempotentRetryIntegrationTests {

	private final RealServer server = RealServer.get();

	private final Admin.World world = this.server.admin().world(10);

	private final SmartEngageClient direct = client(this.server.baseUrl().toString());

	@Test
	void aCouponIssueWhoseAnswerWasLostGetsTheSameCouponOnItsRetry() {
		String session = this.server.admin().scan(this.world);
		this.direct.updateSessionStatus(session, "FORM_APPROVED");

		try (LossyProxy proxy = new LossyProxy(this.server.baseUrl(), 1)) {
			IssuedCoupon coupon = client(proxy.baseUrl().toString()).issueCoupon(session);

			assertThat(proxy.idempotencyKeys()).hasSize(2).containsOnly(proxy.idempotencyKeys().get(0));
			assertThat(this.direct.getSession(session).coupon().couponCode()).isEqualTo(coupon.couponCode());
		}
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.direct.issueCoupon(session))
			.satisfies((ex) -> assertThat(ex.errorCode()).contains(ErrorCodes.COUPON_ALREADY_ISSUED));
	}

	@Test
	void aStatusUpdateWhoseAnswerWasLostSucceedsOnItsRetry() {
		String session = this.server.admin().scan(this.world);

		try (LossyProxy proxy = new LossyProxy(this.server.baseUrl(), 1)) {
			StatusUpdated updated = client(proxy.baseUrl().toString()).updateSessionStatus(session, "FORM_REVIEWING");

			assertThat(updated.message()).isEqualTo("Status updated successfully");
			assertThat(proxy.idempotencyKeys()).hasSize(2).containsOnly(proxy.idempotencyKeys().get(0));
		}
		assertThat(this.direct.getSession(session).status()).isEqualTo("FORM_REVIEWING");
		assertThatExceptionOfType(ActionAlreadyCompletedException.class)
			.isThrownBy(() -> this.direct.updateSessionStatus(session, "FORM_REVIEWING"));
	}

	@Test
	void aRedemptionWhoseAnswerWasLostSucceedsOnItsRetry() {
		String session = this.server.admin().scan(this.world);
		this.direct.updateSessionStatus(session, "FORM_APPROVED");
		String code = this.direct.issueCoupon(session).couponCode();

		try (LossyProxy proxy = new LossyProxy(this.server.baseUrl(), 2)) {
			RedeemedCoupon redeemed = client(proxy.baseUrl().toString()).redeemCoupon(code);

			assertThat(redeemed.couponCode()).isEqualTo(code);
			assertThat(proxy.idempotencyKeys()).hasSize(3).containsOnly(proxy.idempotencyKeys().get(0));
		}
	}

	@Test
	void answersLostMoreOftenThanTheRetriesEndInConnectionFailed() {
		String session = this.server.admin().scan(this.world);

		try (LossyProxy proxy = new LossyProxy(this.server.baseUrl(), 5)) {
			SmartEngageClient client = SmartEngageClient.builder()
				.baseUrl(proxy.baseUrl())
				.apiKey(this.world.apiKey())
				.backoff(Duration.ofMillis(10), Duration.ofMillis(50))
				.maxRetries(1)
				.build();

			ConnectionFailedException failed = catchThrowableOfType(ConnectionFailedException.class,
					() -> client.getSession(session));
			assertThat(failed.status()).isZero();
			assertThat(failed.errorMessage()).startsWith("GET /smart-engage/get/session/" + session)
				.contains("after 2 attempts");
		}
	}

	private SmartEngageClient client(String baseUrl) {
		return SmartEngageClient.builder()
			.baseUrl(baseUrl)
			.apiKey(this.world.apiKey())
			.backoff(Duration.ofMillis(20), Duration.ofMillis(200))
			.build();
	}

}
