package com.smartengage.webhook;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.smartengage.common.infra.ClusterEvents;

/**
 * The durable queue of delivery attempts, kept by db-scheduler in
 * {@code scheduled_tasks}: one task instance per delivery, named by the delivery's id,
 * due at its next attempt. Scheduling joins the caller's transaction (the scheduler reads
 * its connections through a {@link TransactionAwareDataSourceProxy}), so the task commits
 * or rolls back with the change that caused the event. db-scheduler picks each due task
 * on one instance (row versions, or {@code FOR UPDATE SKIP LOCKED} on PostgreSQL), runs
 * it again when the instance running it died (missed heartbeats), and runs a recurring
 * task that trims the delivery log.
 */
@Component
class DeliveryQueue implements SmartLifecycle {

	static final String DELIVERY_TASK = "webhook-delivery";

	static final String CLEANUP_TASK = "webhook-log-cleanup";

	/** How long an attempt that failed unexpectedly (the database, say) waits. */
	private static final Duration AFTER_ERROR = Duration.ofSeconds(30);

	private static final Object TRIGGER_KEY = new Object();

	private final SchedulerBuilder builder;

	/**
	 * The scheduler; a new one after each stop, since a stopped db-scheduler cannot start
	 * again (its executors are shut down) and a context may be stopped and started again
	 * (Spring's test framework pauses the contexts it caches while others run).
	 */
	private volatile Scheduler scheduler;

	private boolean stopped;

	private final CustomTask<Void> deliveryTask;

	private final boolean sending;

	private volatile boolean running;

	DeliveryQueue(DataSource dataSource, ClusterEvents cluster, WebhookProperties properties, DeliveryAttempts attempts,
			WebhookRepository repository) {
		this.sending = properties.sending();
		CustomTask<Void> delivery = Tasks.custom(DELIVERY_TASK, Void.class)
			.onDeadExecutionRevive()
			.onFailure((complete, operations) -> operations.reschedule(complete, Instant.now().plus(AFTER_ERROR)))
			.execute((instance, context) -> {
				DeliveryAttempts.Turn turn = attempts.attempt(Long.parseLong(instance.getId()));
				return (complete, operations) -> attempts.finish(turn, (next) -> {
					if (next == null) {
						operations.remove();
					}
					else {
						operations.reschedule(complete, next);
					}
				});
			});
		RecurringTask<Void> cleanup = Tasks.recurring(CLEANUP_TASK, FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> {
				Instant before = Instant.now().minus(properties.logRetention());
				while (repository.deleteFinishedBefore(before, 1000) > 0) {
					// in batches, so that no transaction grows large
				}
			});
		SchedulerBuilder builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), delivery)
			.startTasks(cleanup)
			.threads(properties.threads())
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(properties.heartbeatInterval())
			.schedulerName(new SchedulerName.Fixed(instanceName()))
			.deleteUnresolvedAfter(Duration.ofDays(7))
			.shutdownMaxWait(properties.timeout().plusSeconds(1))
			.failureLogging(LogLevel.WARN, false);
		if (cluster.isPostgres()) {
			builder.pollUsingLockAndFetch(0.5, 1.0);
		}
		this.builder = builder;
		this.scheduler = builder.build();
		this.deliveryTask = delivery;
	}

	/**
	 * Queues the first attempt of each delivery, due now, in the caller's transaction;
	 * this instance looks for them as soon as it commits.
	 */
	void schedule(List<Long> deliveryIds, Instant now) {
		List<TaskInstance<?>> instances = new ArrayList<>(deliveryIds.size());
		for (long id : deliveryIds) {
			instances.add(this.deliveryTask.instance(Long.toString(id)));
		}
		this.scheduler.scheduleBatch(instances, now);
		wakeAfterCommit();
	}

	/**
	 * Makes the delivery's task due now, queuing it anew when it had ended (delivered or
	 * failed).
	 */
	void scheduleNow(long deliveryId, Instant now) {
		TaskInstance<Void> instance = this.deliveryTask.instance(Long.toString(deliveryId));
		if (!this.scheduler.scheduleIfNotExists(instance, now)) {
			this.scheduler.reschedule(instance, now);
		}
		wakeAfterCommit();
	}

	private void wakeAfterCommit() {
		if (!this.sending) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.scheduler.triggerCheckForDueExecutions();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(TRIGGER_KEY)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(TRIGGER_KEY, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(TRIGGER_KEY);
				if (status == STATUS_COMMITTED) {
					DeliveryQueue.this.scheduler.triggerCheckForDueExecutions();
				}
			}
		});
	}

	@Override
	public synchronized void start() {
		if (this.stopped) {
			this.scheduler = this.builder.build();
			this.stopped = false;
		}
		if (this.sending) {
			this.scheduler.start();
		}
		this.running = true;
	}

	/**
	 * Stops first on shutdown (the default phase): no new attempts start while requests
	 * drain, attempts in flight get up to the timeout to end, and what is left waits in
	 * the queue for the next instance.
	 */
	@Override
	public synchronized void stop() {
		if (this.sending) {
			this.scheduler.stop();
			this.stopped = true;
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Unique per process, so that instances on one host tell their picks apart. */
	private static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (java.net.UnknownHostException ex) {
			host = "unknown-host";
		}
		String name = host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		return name.length() > 50 ? name.substring(name.length() - 50) : name;
	}

}
