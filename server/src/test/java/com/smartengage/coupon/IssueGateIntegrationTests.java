package com.smartengage.coupon;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

import com.smartengage.common.web.ErrorBody;
import com.smartengage.support.Fixtures;
import com.smartengage.support.Http;
import com.smartengage.support.IntegrationTest;
import com.smartengage.support.ServerTests;
import com.smartengage.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow coupon issues must never take the connections the scans need. (On H2 a claim once
 * took seconds with millions of codes in other pools; twelve of them held every pooled
 * connection, and the scans of an unrelated campaign got the contract's 500.) Here the
 * issues are held up by locking their sessions' rows, so that each holds its connection
 * for as long as the test likes, on either database.
 */
@IntegrationTest
class IssueGateIntegrationTests extends ServerTests {

	@Autowired
	IssueGate gate;

	@Autowired
	DataSource dataSource;

	@Test
	void scansAnswerWhileMoreIssuesThanConnectionsAreHeldUp() throws Exception {
		HikariDataSource pool = (HikariDataSource) this.dataSource;
		int issues = pool.getMaximumPoolSize() + 5;
		assertThat(this.gate.size()).as("issues in flight at once").isLessThan(pool.getMaximumPoolSize());
		Fixtures.World world = this.fixtures.world(issues);
		Fixtures.World unrelated = this.fixtures.world(1);
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < issues; i++) {
			sessions.add(this.fixtures.approvedSession(world));
		}
		// The API key is checked once now, so that the issues below go straight to the
		// gate.
		assertThat(this.fixtures.updateStatus(world.apiKey(), sessions.get(0), "NOT_A_STEP").status()).isEqualTo(400);

		ExecutorService threads = Executors.newFixedThreadPool(issues);
		List<Future<Http.Answer>> answers = new ArrayList<>();
		try (Connection holder = DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(),
				TestDatabase.password())) {
			holder.setAutoCommit(false);
			lockSessions(holder, sessions);
			for (String session : sessions) {
				answers.add(threads.submit(() -> this.fixtures.engage(world.apiKey(), session)));
			}
			awaitActiveConnections(pool, this.gate.size());

			for (int i = 0; i < 5; i++) {
				// Fixtures.scan asserts the 302.
				this.fixtures.scan(unrelated.slug());
			}
			// The issues beyond the gate's share wait their turn, then are refused; the
			// others are still held up.
			int refused = issues - this.gate.size();
			awaitAnswers(answers, refused);
			List<Http.Answer> early = answers.stream()
				.filter(Future::isDone)
				.map(IssueGateIntegrationTests::answer)
				.toList();
			assertThat(early).as("issues answered while held up").hasSize(refused).allSatisfy((answer) -> {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(500);
				assertThat(answer.errorMsg()).isEqualTo(ErrorBody.INTERNAL);
			});
			holder.rollback();
		}
		finally {
			threads.shutdown();
		}

		int issued = 0;
		for (int i = 0; i < issues; i++) {
			Http.Answer answer = answers.get(i).get(30, TimeUnit.SECONDS);
			if (answer.status() == 500) {
				// Refused at the gate: nothing was claimed, so a retry gets the coupon.
				answer = this.fixtures.engage(world.apiKey(), sessions.get(i));
			}
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			issued++;
		}
		assertThat(issued).isEqualTo(issues);
		assertThat(this.fixtures.couponsIssued(world.campaignId())).isEqualTo(issues);
	}

	/**
	 * Locks the sessions' rows, so that an issue for one of them waits for the holder.
	 */
	private static void lockSessions(Connection holder, List<String> sessions) throws Exception {
		try (PreparedStatement lock = holder
			.prepareStatement("SELECT id FROM journey_session WHERE id = ? FOR UPDATE")) {
			for (String session : sessions) {
				lock.setObject(1, UUID.fromString(session));
				try (ResultSet rs = lock.executeQuery()) {
					assertThat(rs.next()).isTrue();
				}
			}
		}
	}

	/**
	 * Waits until the gate's share of the pool is taken by held-up issues (the rest wait
	 * at the gate).
	 */
	private static void awaitActiveConnections(HikariDataSource pool, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (pool.getHikariPoolMXBean().getActiveConnections() < count) {
			assertThat(System.nanoTime()).as("%d issues holding connections", count).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private static void awaitAnswers(List<Future<Http.Answer>> answers, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (answers.stream().filter(Future::isDone).count() < count) {
			assertThat(System.nanoTime()).as("%d issues answered", count).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private static Http.Answer answer(Future<Http.Answer> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
