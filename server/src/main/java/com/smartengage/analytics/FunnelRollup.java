package com.smartengage.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.smartengage.analytics.RollupStepRepository.CountKey;
import com.smartengage.analytics.RollupStepRepository.FailureKey;
import com.smartengage.analytics.RollupStepRepository.PendingEvent;
import com.smartengage.analytics.RollupStepRepository.TimeKey;

/**
 * The rollup step: adds journey events that are not rolled up yet to the funnel rollups,
 * a batch per transaction, and marks them. The write path only appends events, so no
 * request ever waits on a counter row; instances take turns through a lock row. An event
 * still uncommitted when a batch is read is simply picked up by a later run.
 */
@Component
class FunnelRollup {

	private static final Logger logger = LoggerFactory.getLogger(FunnelRollup.class);

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration DAY = Duration.ofDays(1);

	private final RollupStepRepository repository;

	private final TransactionTemplate transactions;

	private final AnalyticsProperties properties;

	FunnelRollup(RollupStepRepository repository, TransactionTemplate transactions, AnalyticsProperties properties) {
		this.repository = repository;
		this.transactions = transactions;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${smart-engage.analytics.rollup-interval:1s}", initialDelayString = "1s")
	void run() {
		try {
			int rolled;
			do {
				rolled = rollUpBatch();
			}
			while (rolled >= this.properties.rollupBatch());
		}
		catch (DataAccessException | TransactionException ex) {
			// The next run tries again; the events stay pending and are still counted.
			// One line: during a database outage this repeats every run.
			logger.warn("Funnel rollup step failed, retrying at its next run: {}", ex.getMessage());
		}
	}

	/** Rolls up one batch; the number of events it added. */
	int rollUpBatch() {
		Integer rolled = this.transactions.execute((status) -> {
			this.repository.lock();
			List<PendingEvent> batch = this.repository.pendingBatch(this.properties.rollupBatch());
			if (batch.isEmpty()) {
				return 0;
			}
			Map<CountKey, Long> counts = new HashMap<>();
			Map<TimeKey, Long> times = new HashMap<>();
			Map<FailureKey, Long> failures = new HashMap<>();
			List<Long> ids = new ArrayList<>(batch.size());
			for (PendingEvent event : batch) {
				ids.add(event.id());
				add(event, counts, times, failures);
			}
			this.repository.addCounts(counts);
			this.repository.addTimes(times);
			this.repository.addFailures(failures);
			this.repository.markRolledUp(ids);
			return batch.size();
		});
		return rolled == null ? 0 : rolled;
	}

	private static void add(PendingEvent event, Map<CountKey, Long> counts, Map<TimeKey, Long> times,
			Map<FailureKey, Long> failures) {
		Instant hour = Slices.floor(event.scannedAt(), HOUR);
		Instant day = Slices.floor(event.scannedAt(), DAY);
		long campaign = event.campaignId();
		long screen = event.screenId();
		if (event.stageTo() < 0) {
			for (long screenId : new long[] { 0, screen }) {
				failures.merge(new FailureKey(campaign, 1, screenId, hour, event.step(), event.stageFrom()), 1L,
						Long::sum);
				failures.merge(new FailureKey(campaign, 24, screenId, day, event.step(), event.stageFrom()), 1L,
						Long::sum);
			}
			return;
		}
		long bucket = TimeBuckets.of(event.seconds());
		for (int stage = Math.max(0, event.stageFrom() + 1); stage <= event.stageTo(); stage++) {
			for (long screenId : new long[] { 0, screen }) {
				counts.merge(new CountKey(campaign, 1, screenId, hour, stage), 1L, Long::sum);
				counts.merge(new CountKey(campaign, 24, screenId, day, stage), 1L, Long::sum);
				times.merge(new TimeKey(campaign, 24, screenId, day, stage, bucket), 1L, Long::sum);
			}
			times.merge(new TimeKey(campaign, 1, 0, hour, stage, bucket), 1L, Long::sum);
		}
	}

}
