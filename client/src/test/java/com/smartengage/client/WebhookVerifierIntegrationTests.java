package com.smartengage.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.smartengage.client.support.Admin;
import com.smartengage.client.support.RealServer;
import com.smartengage.client.support.WebhookReceiver;
import com.smartengage.client.support.WebhookReceiver.Delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link WebhookVerifier} on the real server's deliveries: a partner's endpoint on
 * 127.0.0.1 hears of its sessions and coupons, and each delivery verifies under the
 * endpoint's secret into its typed event.
 */
class WebhookVerifierIntegrationTests {

	private final RealServer server = RealServer.get();

	private final Admin.World world = this.server.admin().world(10);

	private final SmartEngageClient client = SmartEngageClient.builder()
		.baseUrl(this.server.baseUrl())
		.apiKey(this.world.apiKey())
		.build();

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final Admin.Endpoint endpoint = this.server.admin()
		.webhookEndpoint(this.world.partnerId(), this.receiver.url());

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void everyEventOfAJourneyVerifiesIntoItsTypedEvent() throws InterruptedException {
		WebhookVerifier verifier = new WebhookVerifier(this.endpoint.secret());
		String session = this.server.admin().scan(this.world);
		this.client.updateSessionStatus(session, "FORM_APPROVED");
		IssuedCoupon coupon = this.client.issueCoupon(session);
		RedeemedCoupon redeemed = this.client.redeemCoupon(coupon.couponCode());

		WebhookEvent scanned = verify(verifier, delivery("session.status_changed", session, "\"status\":\"SCANNED\""));
		assertThat(scanned).isInstanceOfSatisfying(WebhookEvent.SessionStatusChanged.class, (changed) -> {
			assertThat(changed.id()).startsWith("msg_");
			assertThat(changed.sessionId()).isEqualTo(session);
			assertThat(changed.campaignId()).isEqualTo(this.world.campaignId());
			assertThat(changed.screenId()).isEqualTo(this.world.screenId());
			assertThat(changed.status()).isEqualTo("SCANNED");
			assertThat(changed.previousStatus()).isNull();
		});
		WebhookEvent approved = verify(verifier,
				delivery("session.status_changed", session, "\"status\":\"FORM_APPROVED\""));
		assertThat(approved).isInstanceOfSatisfying(WebhookEvent.SessionStatusChanged.class, (changed) -> {
			assertThat(changed.status()).isEqualTo("FORM_APPROVED");
			assertThat(changed.previousStatus()).isEqualTo("SCANNED");
			assertThat(changed.changedAt()).isEqualTo(changed.timestamp());
		});
		assertThat(verify(verifier, delivery("coupon.issued", session, coupon.couponCode())))
			.isInstanceOfSatisfying(WebhookEvent.CouponIssued.class, (issued) -> {
				assertThat(issued.type()).isEqualTo("coupon.issued");
				assertThat(issued.sessionId()).isEqualTo(session);
				assertThat(issued.campaignId()).isEqualTo(this.world.campaignId());
				assertThat(issued.couponCode()).isEqualTo(coupon.couponCode());
				assertThat(issued.expiresAt()).isEqualTo(coupon.expiresAt());
			});
		assertThat(verify(verifier, delivery("coupon.redeemed", session, coupon.couponCode())))
			.isInstanceOfSatisfying(WebhookEvent.CouponRedeemed.class, (event) -> {
				assertThat(event.couponCode()).isEqualTo(coupon.couponCode());
				assertThat(event.redeemedAt()).isEqualTo(redeemed.redeemedAt());
			});
	}

	@Test
	void theTestEventVerifiesIntoItsOwnType() throws InterruptedException {
		this.server.admin().sendTestEvent(this.world.partnerId(), this.endpoint.id());

		WebhookEvent event = verify(new WebhookVerifier(this.endpoint.secret()), delivery("webhook.test", "", ""));
		assertThat(event).isInstanceOfSatisfying(WebhookEvent.Test.class, (test) -> {
			assertThat(test.endpointId()).isEqualTo(this.endpoint.id());
			assertThat(test.partnerId()).isEqualTo(this.world.partnerId());
		});
	}

	@Test
	void duringARotationEitherSecretVerifiesAndAStrangersDoesNot() throws InterruptedException {
		String rotated = this.server.admin().rotateSecret(this.world.partnerId(), this.endpoint.id());
		String session = this.server.admin().scan(this.world);
		Delivery delivery = delivery("session.status_changed", session, "\"status\":\"SCANNED\"");

		assertThat(verify(new WebhookVerifier(rotated), delivery))
			.isInstanceOf(WebhookEvent.SessionStatusChanged.class);
		assertThat(verify(new WebhookVerifier(this.endpoint.secret()), delivery))
			.isInstanceOf(WebhookEvent.SessionStatusChanged.class);
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verify(new WebhookVerifier("whsec_c3RyYW5nZXJzLXNlY3JldC1vZi0zMi1ieXRlcyEh"), delivery));
	}

	@Test
	void aDeliveryChangedOnTheWayOrReplayedLaterIsRefused() throws InterruptedException {
		WebhookVerifier verifier = new WebhookVerifier(this.endpoint.secret());
		String session = this.server.admin().scan(this.world);
		Delivery delivery = delivery("session.status_changed", session, "\"status\":\"SCANNED\"");
		byte[] changed = delivery.text().replace("SCANNED", "FORM_APPROVED").getBytes();

		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.verify(delivery.headers(), changed))
			.withMessageContaining("signature");
		Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> verifier.withClock(later).verify(delivery.headers(), delivery.body()))
			.withMessageContaining("webhook-timestamp");
		assertThat(verifier.withClock(later)
			.withTolerance(Duration.ofMinutes(10))
			.verify(delivery.headers(), Arrays.copyOf(delivery.body(), delivery.body().length)))
			.isInstanceOf(WebhookEvent.SessionStatusChanged.class);
	}

	private Delivery delivery(String type, String session, String mark) throws InterruptedException {
		return this.receiver.await((delivery) -> delivery.text().contains("\"type\":\"" + type + "\"")
				&& delivery.text().contains(session) && delivery.text().contains(mark));
	}

	private static WebhookEvent verify(WebhookVerifier verifier, Delivery delivery) {
		return verifier.verify(delivery.headers(), delivery.body());
	}

}
