package com.smartengage.client;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.smartengage.client.support.Admin;
import com.smartengage.client.support.RealServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every call of the SDK against the real server, as a partner makes it: the successes and
 * each error of the contract as its own exception.
 */
class SmartEngageClientIntegrationTests {

	private final RealServer server = RealServer.get();

	private final Admin.World world = this.server.admin().world(10);

	private final SmartEngageClient client = SmartEngageClient.builder()
		.baseUrl(this.server.baseUrl())
		.apiKey(this.world.apiKey())
		.build();

	@Test
	void walksASessionFromTheScanToTheRedemption() {
		Instant start = Instant.now().minusSeconds(5);
		String session = this.server.admin().scan(this.world);

		assertThat(this.client.updateSessionStatus(session, "FORM_SUBMITTED").message())
			.isEqualTo("Status updated successfully");
		assertThat(this.client.updateSessionStatus(session, "FORM_APPROVED").message())
			.isEqualTo("Status updated successfully");
		IssuedCoupon coupon = this.client.issueCoupon(session);
		assertThat(coupon.sessionId()).isEqualTo(session);
		assertThat(coupon.couponCode()).hasSize(10);
		assertThat(coupon.couponUrl().getPath()).startsWith("/c/");
		assertThat(coupon.expiresAt()).isAfter(Instant.now());

		Session issued = this.client.getSession(session);
		assertThat(issued.sessionId()).isEqualTo(session);
		assertThat(issued.campaignId()).isEqualTo(this.world.campaignId());
		assertThat(issued.screenId()).isEqualTo(this.world.screenId());
		assertThat(issued.flow()).isEqualTo("FILL_FORM");
		assertThat(issued.status()).isEqualTo("FORM_APPROVED");
		assertThat(issued.expired()).isFalse();
		assertThat(issued.createdAt()).isAfter(start);
		assertThat(issued.steps()).extracting(Session.Step::step)
			.containsSubsequence("SCANNED", "FORM_SUBMITTED", "FORM_APPROVED");
		assertThat(issued.issuedCoupon()).hasValueSatisfying((c) -> {
			assertThat(c.couponCode()).isEqualTo(coupon.couponCode());
			assertThat(c.couponUrl()).isEqualTo(coupon.couponUrl());
			assertThat(c.redeemed()).isFalse();
		});

		RedeemedCoupon redeemed = this.client.redeemCoupon(coupon.couponCode());
		assertThat(redeemed.couponCode()).isEqualTo(coupon.couponCode());
		assertThat(redeemed.sessionId()).isEqualTo(session);
		assertThat(redeemed.redeemedAt()).isAfter(start);
		assertThat(this.client.getSession(session).coupon().redeemedAt()).isEqualTo(redeemed.redeemedAt());
	}

	@Test
	void aSessionOfNoOneIsSessionNotFoundOnEveryCall() {
		String unknown = UUID.randomUUID().toString();

		SessionNotFoundException update = catchThrowableOfType(SessionNotFoundException.class,
				() -> this.client.updateSessionStatus(unknown, "FORM_REVIEWING"));
		assertThat(update.status()).isEqualTo(404);
		assertThat(update.errorMessage()).isEqualTo("No record with session_id: " + unknown);
		assertThat(update.errorCode()).contains(ErrorCodes.SESSION_NOT_FOUND);
		assertThat(update.requestId()).hasValueSatisfying((id) -> assertThat(id).isNotBlank());

		SessionNotFoundException view = catchThrowableOfType(SessionNotFoundException.class,
				() -> this.client.getSession(unknown));
		assertThat(view.status()).isEqualTo(404);
		assertThat(view.errorCode()).contains(ErrorCodes.SESSION_NOT_FOUND);

		SessionNotFoundException issue = catchThrowableOfType(SessionNotFoundException.class,
				() -> this.client.issueCoupon(unknown));
		assertThat(issue.status()).isEqualTo(400);
		assertThat(issue.errorMessage()).isEqualTo("Invalid session_id " + unknown);
		assertThat(issue.errorCode()).contains(ErrorCodes.SESSION_NOT_FOUND);
	}

	@Test
	void anotherPartnersSessionIsNotFound() {
		String theirs = this.server.admin().scan(this.server.admin().world(1));

		assertThatExceptionOfType(SessionNotFoundException.class).isThrownBy(() -> this.client.getSession(theirs));
	}

	@Test
	void aStepReportedAgainIsActionAlreadyCompleted() {
		String session = this.server.admin().scan(this.world);
		this.client.updateSessionStatus(session, "FORM_REVIEWING");

		ActionAlreadyCompletedException again = catchThrowableOfType(ActionAlreadyCompletedException.class,
				() -> this.client.updateSessionStatus(session, "FORM_REVIEWING"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.errorMessage()).isEqualTo("Action already completed for session_id: " + session);
		assertThat(again.errorCode()).contains(ErrorCodes.ACTION_ALREADY_COMPLETED);
		assertThatExceptionOfType(ActionAlreadyCompletedException.class)
			.isThrownBy(() -> this.client.updateSessionStatus(session, "FORM_SUBMITTED"));
	}

	@Test
	void anUnknownKeyIsInvalidApiKey() {
		SmartEngageClient stranger = SmartEngageClient.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey("se_not-a-key-of-anyone")
			.build();

		InvalidApiKeyException refused = catchThrowableOfType(InvalidApiKeyException.class,
				() -> stranger.getSession(UUID.randomUUID().toString()));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.errorMessage()).isEqualTo("API-KEY is invalid");
		assertThat(refused.errorCode()).contains(ErrorCodes.INVALID_API_KEY);
		assertThatExceptionOfType(InvalidApiKeyException.class)
			.isThrownBy(() -> stranger.issueCoupon(UUID.randomUUID().toString()));
	}

	@Test
	void aSecondCouponForTheSessionIsABadRequest() {
		String session = this.server.admin().scan(this.world);
		this.client.updateSessionStatus(session, "FORM_APPROVED");
		this.client.issueCoupon(session);

		BadRequestException again = catchThrowableOfType(BadRequestException.class,
				() -> this.client.issueCoupon(session));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.errorMessage()).isEqualTo("A coupon was already issued for session_id " + session);
		assertThat(again.errorCode()).contains(ErrorCodes.COUPON_ALREADY_ISSUED);
	}

	@Test
	void aCouponBeforeTheRewardStepIsABadRequest() {
		String session = this.server.admin().scan(this.world);

		BadRequestException early = catchThrowableOfType(BadRequestException.class,
				() -> this.client.issueCoupon(session));
		assertThat(early.errorMessage()).contains("has not reached FORM_APPROVED");
		assertThat(early.errorCode()).contains(ErrorCodes.STEP_NOT_REACHED);
	}

	@Test
	void aSecondRedemptionAndAnUnknownCodeAreBadRequests() {
		String session = this.server.admin().scan(this.world);
		this.client.updateSessionStatus(session, "FORM_APPROVED");
		String code = this.client.issueCoupon(session).couponCode();
		this.client.redeemCoupon(code);

		BadRequestException twice = catchThrowableOfType(BadRequestException.class,
				() -> this.client.redeemCoupon(code));
		assertThat(twice.errorMessage()).startsWith("Coupon " + code + " was already redeemed at ");
		assertThat(twice.errorCode()).contains(ErrorCodes.COUPON_ALREADY_REDEEMED);
		BadRequestException unknown = catchThrowableOfType(BadRequestException.class,
				() -> this.client.redeemCoupon("NO-SUCH-CODE"));
		assertThat(unknown.errorMessage()).isEqualTo("No coupon with code NO-SUCH-CODE");
		assertThat(unknown.errorCode()).contains(ErrorCodes.COUPON_NOT_FOUND);
	}

	@Test
	void aCallerKeyGetsTheSameCouponBackWhenTheCallIsRepeated() {
		String session = this.server.admin().scan(this.world);
		this.client.updateSessionStatus(session, "FORM_APPROVED");
		String key = "order-" + UUID.randomUUID();

		IssuedCoupon first = this.client.issueCoupon(session, key);
		IssuedCoupon repeated = this.client.issueCoupon(session, key);

		assertThat(repeated).isEqualTo(first);
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.client.issueCoupon(session));
	}

	@Test
	void aSandboxScanWithATestKeyStartsASessionWithoutAScreen() {
		SmartEngageClient tester = SmartEngageClient.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(this.server.admin().testApiKey(this.world.partnerId()))
			.build();
		SandboxSession sandbox = tester.sandboxScan(this.world.campaignId());
		assertThat(sandbox.formUrl().getQuery()).contains("session_id=" + sandbox.sessionId());
		Session session = tester.getSession(sandbox.sessionId());
		assertThat(session.campaignId()).isEqualTo(this.world.campaignId());
		assertThat(session.screenId()).isNull();
		assertThat(session.status()).isEqualTo("SCANNED");
		// A live key's sandbox call is refused, and a live key does not see the test
		// session.
		SmartEngageException refused = catchThrowableOfType(SmartEngageException.class,
				() -> this.client.sandboxScan(this.world.campaignId()));
		assertThat(refused.status()).isEqualTo(403);
		assertThatExceptionOfType(SessionNotFoundException.class)
			.isThrownBy(() -> this.client.getSession(sandbox.sessionId()));
	}

}
