package com.smartengage.coupon;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A code being claimed must not hide the pool's other free codes from a concurrent issue.
 * (H2 used to lock every free code of the pool while claiming one, so a second shopper
 * heard "no coupons left" while codes remained.)
 */
@IntegrationTest
class CouponClaimIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CouponRepository coupons;

	@Autowired
	PlatformTransactionManager transactionManager;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(new Http(this.port));
	}

	@Test
	void issuesAnotherCodeWhileOneIsBeingClaimed() throws Exception {
		Fixtures.World world = this.fixtures.world(3);
		String session = this.fixtures.approvedSession(world);
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		CompletableFuture<CouponRepository.FreeCode> holder = CompletableFuture
			.supplyAsync(() -> transaction.execute((status) -> {
				CouponRepository.FreeCode code = this.coupons.claimFree(world.campaignId()).orElseThrow();
				claimed.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				status.setRollbackOnly();
				return code;
			}));
		try {
			assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
			Http.Answer answer = this.fixtures.engage(world.apiKey(), session);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			release.countDown();
			assertThat(answer.json().get("coupon_code").asString())
				.isNotEqualTo(holder.get(30, TimeUnit.SECONDS).code());
		}
		finally {
			release.countDown();
		}
	}

}
